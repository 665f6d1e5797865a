using System.ComponentModel;
using Spectre.Console.Cli;

namespace Foremast.Cli.Commands;

/// <summary>
/// The inputs Foremast's own commands took from the environment a Foremast Jenkins job sets (<c>RUNWAY_DIR</c>,
/// <c>PROJECT</c>, <c>GIT_REPO</c>), shared by the account commands (<see cref="AccountTargetSettings"/>) and
/// <c>foremast pipeline</c> (<see cref="PipelineSettings"/>).
/// </summary>
public abstract class ForemastEnvSettings : CommandSettings
{
    [CommandArgument(0, "[runway-dir]")]
    [Description("Directory holding pipeline.json and application-master-{env}.json; defaults to $RUNWAY_DIR.")]
    public string? RunwayDirectory { get; init; }

    [CommandOption("--project <PROJECT>")]
    [Description("Git group; defaults to $PROJECT.")]
    public string? Project { get; init; }

    [CommandOption("--repo <REPO>")]
    [Description("Git repository; defaults to $GIT_REPO.")]
    public string? Repo { get; init; }
}
