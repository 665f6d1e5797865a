using System.Text.Json;
using Foremast.Core.Config;
using Foremast.Core.Naming;
using Foremast.Workflows.Activities;

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

    /// <summary>
    /// The context of an engine stage. A request without an env (the region's bake) runs in the account of the pipeline's first
    /// env, as Spinnaker baked with the pipeline's first account.
    /// </summary>
    /// <exception cref="InvalidOperationException">The request carries no <see cref="StageScope"/> (a host bug, not user input).</exception>
    public static AwsStageContext From(StageRequest request)
    {
        var scope = request.Scope ?? throw new InvalidOperationException($"{request.StageName}: the stage request carries no snapshot scope; AWS executors need the run's names and global config");
        var env = request.Env ?? BakeEnv(scope.Pipeline)
            ?? throw new InvalidOperationException($"{request.StageName}: pipeline.json lists no env to bake in");
        return new AwsStageContext(request.RunId, request.App, scope.Project, scope.Repo, env, request.Region, request.PipelineType,
            request.Settings, scope.Pipeline, scope.Global, request.DryRun);
    }

    /// <summary>The env in whose account a region's image is baked: the pipeline's first env (null when pipeline.json lists none).</summary>
    public static string? BakeEnv(JsonElement pipeline) =>
        pipeline.ValueKind == JsonValueKind.Object && pipeline.TryGetProperty("env", out var envs) && envs.ValueKind == JsonValueKind.Array
            ? envs.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : null).FirstOrDefault(e => !string.IsNullOrEmpty(e))
            : null;
}
