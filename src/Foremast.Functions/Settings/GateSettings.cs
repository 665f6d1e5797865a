using Foremast.Spinnaker.Gate;

namespace Foremast.Functions.Settings;

/// <summary>
/// How the app reaches Spinnaker Gate (<c>Foremast:Gate</c>): bound now so deployments configure it once, used by the
/// step that publishes a run's generated pipelines (DESIGN.md "A run", step 2). Nothing in a run publishes yet.
/// </summary>
public sealed class GateSettings
{
    public const string Section = "Foremast:Gate";

    public string? Url { get; set; }

    /// <summary>Bearer token; a secret, so it lives in app settings (or Key Vault references), never in host.json.</summary>
    public string? Token { get; set; }

    /// <summary>Null when no Gate is configured: publishing is then skipped, runs still deploy.</summary>
    public GateOptions? ToGateOptions() =>
        Uri.TryCreate(Url, UriKind.Absolute, out var url) ? new GateOptions(url, Token is { Length: > 0 } token ? token : null) : null;
}
