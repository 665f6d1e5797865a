using System.Text.Json;
using Foremast.Core.Config;

namespace Foremast.Core.Plan;

/// <summary>Builds the deterministic <see cref="StagePlan"/> from a snapshot (Foremast's create_pipeline + renumerate_stages).</summary>
public static class StagePlanner
{
    /// <param name="envAvailable">
    /// Whether an env has subnets in a region. Foremast leaves an env out of a region's pipeline when it has none
    /// (EC2 and Lambda types only). Null means every configured region is available.
    /// </param>
    public static StagePlan Plan(ConfigSnapshot snapshot, Func<string, string, bool>? envAvailable = null, string? onetimeEnv = null)
    {
        var type = snapshot.PipelineType;
        var settings = snapshot.Settings;
        if (settings.IsManualType(type)) return new StagePlan(snapshot.App, type, IsManual: true, [], onetimeEnv);

        var envs = onetimeEnv is null ? snapshot.PipelineEnvs : [onetimeEnv];
        var regionsEnvs = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var regionOrder = new List<string>();
        foreach (var env in envs)
        {
            foreach (var region in snapshot.RegionsOf(env))
            {
                if (!regionsEnvs.TryGetValue(region, out var list))
                {
                    regionsEnvs[region] = list = [];
                    regionOrder.Add(region);
                }

                list.Add(env);
            }
        }

        var filtersBySubnets = settings.IsEc2Type(type) || type == "lambda";
        var regions = new List<RegionPlan>();
        foreach (var region in regionOrder)
        {
            var available = regionsEnvs[region].Where(env => !filtersBySubnets || envAvailable is null || envAvailable(env, region)).ToList();
            regions.Add(PlanRegion(snapshot, region, available, onetimeEnv));
        }

        return new StagePlan(snapshot.App, type, IsManual: false, regions, onetimeEnv);
    }

    public static string PipelineName(string app, string region, string? onetimeEnv = null) =>
        onetimeEnv is null ? $"{app} [{region}]" : $"{app} [{region}] (onetime-{onetimeEnv})";

    /// <summary>Foremast's template rule: <c>pipeline_{env}</c> for prod-like envs, else <c>pipeline_stages</c>; <c>_{type}</c> unless ec2.</summary>
    public static string EnvTemplate(string env, string type) =>
        $"pipeline/{(IsProdLike(env) ? $"pipeline_{env}" : "pipeline_stages")}{(type == "ec2" ? "" : $"_{type}")}.json.sbn";

    public static bool IsProdLike(string env) => env.StartsWith("prod", StringComparison.Ordinal);

    /// <summary><c>verify_approval_skip</c>: the app's <c>approval_skip</c> counts only where <c>env_configs</c> allows it.</summary>
    public static bool VerifiedApprovalSkip(JsonElement settings, string env, ForemastSettings foremast) =>
        foremast.ApprovalSkipAllowed.TryGetValue(env, out var allowed) && allowed
        && settings.TryGetProperty("app", out var app) && app.TryGetProperty("approval_skip", out var skip) && skip.ValueKind == JsonValueKind.True;

    private static RegionPlan PlanRegion(ConfigSnapshot snapshot, string region, IReadOnlyList<string> envs, string? onetimeEnv)
    {
        var type = snapshot.PipelineType;
        var stages = new List<(string Placeholder, StageDefinition Definition, string? Env, TimeSpan Timeout, int? Hook)>();
        if (StageCatalog.HasBake(type)) stages.Add((StageNumbering.Master, StageCatalog.Bake, null, StageCatalog.Bake.Timeout, null));

        var blocks = new List<EnvBlock>();
        string? previous = null;
        foreach (var env in envs)
        {
            var data = snapshot.SettingsFor(env, region);
            var prodLike = IsProdLike(env);
            var skip = VerifiedApprovalSkip(data, env, snapshot.Settings);
            var checkpoint = !skip && (prodLike || previous is not null);
            blocks.Add(new EnvBlock(env, previous, skip, checkpoint, EnvTemplate(env, type)));

            var approvalTimeout = ApprovalTimeout(data, snapshot.Settings);
            if (checkpoint) stages.Add((StageNumbering.Master, StageCatalog.Checkpoint, env, approvalTimeout, null));
            foreach (var definition in StageCatalog.EnvStages(type, snapshot.Settings.IsEc2Type(type)))
            {
                stages.Add((StageNumbering.Master, definition, env, definition.Timeout, null));
            }

            if (type == "s3" && Strategy(data) is "canary" or "redblack")
            {
                foreach (var definition in StageCatalog.PromoteStages(prodLike))
                {
                    var timeout = definition.Kind == StageKind.PrePromoteCheckpoint ? approvalTimeout : definition.Timeout;
                    stages.Add((StageNumbering.Master, definition, env, timeout, null));
                }
            }

            // Foremast computes data.app.scalingpolicy only for ec2_pipeline_types (ec2_pipeline_setup).
            if (snapshot.Settings.IsEc2Type(type) && HasScalingPolicy(data))
            {
                stages.Add((StageNumbering.Branch, StageCatalog.ScalingPolicy, env, StageCatalog.ScalingPolicy.Timeout, null));
            }

            if (!prodLike)
            {
                for (var i = 0; i < WebhookCount(data); i++) stages.Add((StageNumbering.Branch, StageCatalog.Webhook, env, StageCatalog.Webhook.Timeout, i));
            }

            previous = env;
        }

        var numbers = StageNumbering.Assign(stages.Select(s => (string?)s.Placeholder).ToList());
        var planned = stages.Select((s, i) => new PlannedStage(
            numbers[i]!.Value.RefId,
            numbers[i]!.Value.Requisites,
            s.Definition.Kind,
            s.Definition.NameFor(s.Env, region, s.Hook is { } hook ? WebhookName(snapshot.SettingsFor(s.Env!, region), hook) : null),
            s.Env,
            s.Definition.IsBranch,
            s.Timeout,
            s.Definition,
            s.Hook)).ToList();

        return new RegionPlan(region, PipelineName(snapshot.App, region, onetimeEnv), blocks, planned);
    }

    private static TimeSpan ApprovalTimeout(JsonElement data, ForemastSettings settings) =>
        // 7200000.0 is as whole a number of milliseconds as 7200000; generate prints both as 7200000.
        data.TryGetProperty("app", out var app) && app.TryGetProperty("approval_timeout", out var ms) && ms.ValueKind == JsonValueKind.Number
        && ms.TryGetDouble(out var value) && value >= 1 && value == Math.Floor(value) && value <= TimeSpan.MaxValue.TotalMilliseconds
            ? TimeSpan.FromMilliseconds(value)
            : settings.ApprovalTimeout;

    private static string? Strategy(JsonElement data) =>
        data.TryGetProperty("deploy_strategy", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;

    private static bool HasScalingPolicy(JsonElement data) =>
        data.TryGetProperty("asg", out var asg) && asg.TryGetProperty("scaling_policy", out var policy)
        && policy.ValueKind == JsonValueKind.Object && policy.EnumerateObject().Any();

    private static int WebhookCount(JsonElement data) =>
        data.TryGetProperty("completion_webhooks", out var hooks) && hooks.ValueKind == JsonValueKind.Array ? hooks.GetArrayLength() : 0;

    private static string WebhookName(JsonElement data, int index) =>
        data.GetProperty("completion_webhooks")[index].TryGetProperty("name", out var name) ? name.ToString() : $"webhook {index + 1}";
}
