namespace Foremast.Api;

/// <summary>
/// Engine settings for the HTTP API, bound from the <c>Foremast</c> configuration section by each host
/// (app settings in Azure, local.settings.json / environment / command line locally). Never from a request.
/// </summary>
public sealed class ForemastApiOptions
{
    public const string Section = "Foremast";

    /// <summary>Public base URL of this engine, e.g. <c>https://foremast.example.com</c>; approval links are built on it.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The global Foremast config JSON used when a repo mapping names none; null means Foremast's defaults.</summary>
    public string? ConfigFile { get; set; }

    /// <summary>
    /// Whether a run is dry when its start request does not say (<c>dryRun</c> in the body, the repository mapping).
    /// A request that says decides for itself: this is a default, not a switch of executors.
    /// </summary>
    public bool DryRun { get; set; }

    /// <summary>Where bare clones of config repositories are kept between runs; defaults to a folder under the temp path.</summary>
    public string? GitCacheDirectory { get; set; }

    public ApprovalOptions Approvals { get; set; } = new();

    public WebhookOptions Webhooks { get; set; } = new();

    public RunTuningOptions Tuning { get; set; } = new();

    /// <summary>The config file for a repository's runs; app settings often hold empty strings for "not set".</summary>
    public string? ConfigFileFor(RepoMapping? repo) =>
        repo?.ConfigFile is { Length: > 0 } own ? own : ConfigFile is { Length: > 0 } global ? global : null;
}
