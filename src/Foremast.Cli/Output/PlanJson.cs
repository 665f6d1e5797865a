using System.Text.Json;
using System.Text.Json.Serialization;
using Foremast.Core.Plan;

namespace Foremast.Cli.Output;

public static class PlanJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(StagePlan plan) => JsonSerializer.Serialize(new
    {
        plan.App,
        type = plan.PipelineType,
        plan.IsManual,
        plan.OnetimeEnv,
        regions = plan.Regions.Select(r => new
        {
            r.Region,
            pipeline = r.PipelineName,
            envs = r.Envs,
            stages = r.Stages.Select(s => new
            {
                s.RefId,
                requisiteStageRefIds = s.RequisiteRefIds,
                s.Kind,
                s.Name,
                s.Env,
                s.IsBranch,
                timeoutSeconds = (long)s.Timeout.TotalSeconds,
                executor = s.Definition.Executor,
                retry = new { s.Definition.Retry.MaxAttempts, firstDelaySeconds = s.Definition.Retry.FirstDelay.TotalSeconds, s.Definition.Retry.BackoffCoefficient },
                onFailure = s.Definition.OnFailure,
            }),
        }),
    }, Options);
}
