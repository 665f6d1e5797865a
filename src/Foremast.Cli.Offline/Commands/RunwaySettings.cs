using System.ComponentModel;
using Foremast.Core.Config;
using Spectre.Console.Cli;

namespace Foremast.Cli.Commands;

/// <summary>Options shared by every command that reads a runway directory.</summary>
public class RunwaySettings : CommandSettings
{
    [CommandArgument(0, "<runway-dir>")]
    [Description("Directory holding pipeline.json and application-master-{env}.json.")]
    public string RunwayDirectory { get; init; } = "";

    [CommandOption("--config <FILE>")]
    [Description("Global Foremast config: .json, Foremast's INI .cfg, or a config.py with a literal CONFIG. Default: /etc/foremast, ~/.foremast and ./.foremast foremast.cfg (merged), else $FOREMAST_CONFIG_FILE or ./config.py.")]
    public string? ConfigFile { get; init; }

    /// <summary>The config this command uses, found as Foremast found it; stated once on stderr.</summary>
    public ConfigLocation Config => _config ??= Announce(ConfigLocation.Find(ConfigFile));

    private ConfigLocation? _config;

    /// <summary>Every command says which config it used, on stderr so its output stays machine-readable.</summary>
    public static ConfigLocation Announce(ConfigLocation location)
    {
        Console.Error.WriteLine($"using {location.Description}");
        return location;
    }

    [CommandOption("--project <PROJECT>")]
    [Description("Git group; defaults to $PROJECT.")]
    public string? Project { get; init; }

    [CommandOption("--repo <REPO>")]
    [Description("Git repository; defaults to $GIT_REPO.")]
    public string? Repo { get; init; }

    /// <param name="readsConfig">
    /// False for a command whose config is read elsewhere (<c>foremast run --server</c>: the engine's own): this
    /// machine's config is then neither looked up nor announced, and the request names none.
    /// </param>
    public LoadRequest ToLoadRequest(bool requireNames, bool readsConfig = true)
    {
        var project = Project ?? Environment.GetEnvironmentVariable("PROJECT");
        var repo = Repo ?? Environment.GetEnvironmentVariable("GIT_REPO");
        if (!requireNames)
        {
            // Names only shape defaults such as the instance profile, so validation works without them.
            project ??= "project";
            repo ??= "repo";
        }

        return new LoadRequest(RunwayDirectory, readsConfig ? Config.Path : null, project ?? "", repo ?? "");
    }
}
