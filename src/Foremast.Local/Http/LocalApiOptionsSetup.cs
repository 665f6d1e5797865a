using Foremast.Api;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Foremast.Local.Http;

/// <summary>
/// Fills the API options a local engine can decide for itself: dry runs as the default for requests that do not say, a persisted
/// approval signing key when none is configured, its own URL as the public base URL, and approval links in the status.
/// </summary>
internal sealed class LocalApiOptionsSetup(IOptions<LocalEngineOptions> local, IServer server) : IPostConfigureOptions<ForemastApiOptions>
{
    public void PostConfigure(string? name, ForemastApiOptions options)
    {
        var engine = local.Value;
        if (engine.DryRun) options.DryRun = true;
        if (string.IsNullOrWhiteSpace(options.Approvals.SigningKey))
        {
            options.Approvals.SigningKey = ApprovalKeyFile.ReadOrCreate(engine.ApprovalKeyFile is { Length: > 0 } path ? path : ApprovalKeyFile.DefaultPath);
        }

        options.Approvals.LinksInRunStatus = options.Approvals.LinksInRunStatus || engine.ApprovalLinksInStatus;
        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl)) options.PublicBaseUrl = OwnUrl();
    }

    /// <summary>The first HTTP address Kestrel listens on (the port is only known after start when it was 0).</summary>
    private string? OwnUrl() =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => !a.StartsWith("http://unix:", StringComparison.Ordinal))?.TrimEnd('/');
}
