using Foremast.Spinnaker.Gate;

namespace Foremast.Functions.Settings;

/// <summary>
/// How the app reaches Spinnaker Gate (<c>Foremast:Gate</c>): the Configuration stage of a run that is not a dry run
/// publishes the run's generated pipelines there (DESIGN.md "A run", step 2).
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
