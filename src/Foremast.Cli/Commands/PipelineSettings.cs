using System.ComponentModel;
using Spectre.Console.Cli;

namespace Foremast.Cli.Commands;

/// <summary>
/// <c>foremast pipeline app|onetime</c>, Foremast's entry points: every input may come from the environment a
/// Foremast Jenkins job already sets (<c>RUNWAY_DIR</c>, <c>PROJECT</c>, <c>GIT_REPO</c>, <c>ENV</c>, <c>EMAIL</c>).
/// </summary>
public class PipelineSettings : ForemastEnvSettings
{
    [CommandOption("--config <FILE>")]
    [Description("Global Foremast config (.json, INI .cfg or config.py); found as the other commands find it when absent.")]
    public string? ConfigFile { get; init; }

    [CommandOption("--lookups <FILE>")]
    [Description("Environment facts as JSON (amis, availability_zones, accounts, pipelines), as for foremast generate.")]
    public string? LookupsFile { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("Keep the generated pipeline files here (default: a temporary directory).")]
    public string? OutputDirectory { get; init; }

    [CommandOption("--gate <URL>")]
    [Description("Gate base URL; defaults to base.gate_api_url.")]
    public string? GateUrl { get; init; }

    [CommandOption("--token <TOKEN>")]
    [Description("Bearer token; defaults to $GATE_TOKEN, then credentials.gate_authentication.github.token.")]
    public string? Token { get; init; }

    [CommandOption("--email <EMAIL>")]
    [Description("Application owner email; defaults to $EMAIL, then pipeline.json owner_email.")]
    public string? Email { get; init; }

    [CommandOption("--insecure")]
    [Description("Do not verify Gate's TLS certificate.")]
    public bool Insecure { get; init; }

    /// <summary>The runway directory from the argument or <c>RUNWAY_DIR</c>; Foremast's GitLab mode (no RUNWAY_DIR) is not offered.</summary>
    public string ResolveRunwayDirectory() =>
        RunwayDirectory ?? (Environment.GetEnvironmentVariable("RUNWAY_DIR") is { Length: > 0 } env ? env : null)
        ?? throw new Errors.UsageException("no runway directory: pass one or set RUNWAY_DIR (Foremast's GitLab mode, reading runway files from GitLab, is not offered)");
}
