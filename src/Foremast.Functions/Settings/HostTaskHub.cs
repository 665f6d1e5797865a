using Microsoft.Extensions.Configuration;

namespace Foremast.Functions.Settings;

/// <summary>
/// The task hub the Functions host runs, for the health report. The host reads it from host.json, which the worker
/// does not see; an app setting <c>AzureFunctionsJobHost__extensions__durableTask__hubName</c> overrides host.json for
/// the host and is read here the same way.
/// </summary>
internal static class HostTaskHub
{
    /// <summary>host.json's <c>extensions.durableTask.hubName</c>; a test keeps the two equal.</summary>
    public const string Default = "ForemastHub";

    public const string OverrideKey = "AzureFunctionsJobHost:extensions:durableTask:hubName";

    public static string Name(IConfiguration configuration) => configuration[OverrideKey] is { Length: > 0 } name ? name : Default;
}
