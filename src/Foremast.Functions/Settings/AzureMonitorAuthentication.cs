using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace Foremast.Functions.Settings;

/// <summary>
/// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> (<c>Authorization=AAD;ClientId=…</c>): how the Functions host signs in
/// to an Application Insights resource whose local authentication is off, as infra/ deploys it. The worker's own
/// exporter does not read that setting, so without this its telemetry would be refused (401) while the host's arrives.
/// </summary>
internal static class AzureMonitorAuthentication
{
    public const string Setting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <returns>The managed identity to send with (the user-assigned one when <c>ClientId</c> names it); null when the setting is absent.</returns>
    /// <exception cref="InvalidOperationException">The setting names an authorization other than AAD: telemetry would be refused, so start-up stops.</exception>
    public static TokenCredential? Credential(IConfiguration configuration)
    {
        if (configuration[Setting] is not { } value || string.IsNullOrWhiteSpace(value)) return null;
        var parts = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var authorization) || !string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{Setting}: expected \"Authorization=AAD\" (optionally with \";ClientId=<managed identity client id>\")");
        }

        return parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
