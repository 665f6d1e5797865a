using System.Text.Json;
using Foremast.Core.Config;
using Foremast.Core.Naming;

namespace Foremast.Aws;

/// <summary>
/// What an AWS executor needs about one env and region of a run: names, the merged settings for that region (Foremast's
/// <c>get_properties(env, region)</c>), the global config, and whether the run is dry (then the session is read-only and the
/// executor only computes its diff).
/// </summary>
public sealed record AwsStageContext(
    string RunId,
    string App,
    string Project,
    string Repo,
    string Env,
    string Region,
    string PipelineType,
    JsonElement Settings,
    JsonElement Pipeline,
    ForemastSettings Global,
    bool DryRun)
{
    public AwsTarget Target => new(Env, Region, DryRun, Global.Aws);

    /// <summary>Names as Foremast formats them (<c>[formats]</c> of the global config applied).</summary>
    public NameGenerator Names => new(Project, Repo, Global.Formats);

    /// <summary>The tags Foremast put on what it created, plus the run that last converged it.</summary>
    public IReadOnlyDictionary<string, string> Tags => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["app_group"] = Project,
        ["app_name"] = App,
    };

    public static AwsStageContext From(ConfigSnapshot snapshot, string env, string region, string runId, bool dryRun) => new(
        runId, snapshot.App, snapshot.Project, snapshot.Repo, env, region, snapshot.PipelineType,
        snapshot.SettingsFor(env, region), snapshot.Pipeline, snapshot.Settings, dryRun);
}
