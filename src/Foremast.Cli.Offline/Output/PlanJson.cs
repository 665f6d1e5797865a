using System.Text;
using System.Text.Json;
using Foremast.Core.Plan;

namespace Foremast.Cli.Output;

/// <summary>
/// <c>foremast plan --json</c>. Written field by field rather than serialised by reflection: the native foremast is
/// compiled ahead of time, where reflection-based JSON is off (and the field order here is the documented shape).
/// </summary>
public static class PlanJson
{
    public static string Serialize(StagePlan plan)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("app", plan.App);
            json.WriteString("type", plan.PipelineType);
            json.WriteBoolean("isManual", plan.IsManual);
            json.WriteString("onetimeEnv", plan.OnetimeEnv);
            json.WriteStartArray("regions");
            foreach (var region in plan.Regions) WriteRegion(json, region);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteRegion(Utf8JsonWriter json, RegionPlan region)
    {
        json.WriteStartObject();
        json.WriteString("region", region.Region);
        json.WriteString("pipeline", region.PipelineName);
        json.WriteStartArray("envs");
        foreach (var env in region.Envs)
        {
            json.WriteStartObject();
            json.WriteString("env", env.Env);
            json.WriteString("previousEnv", env.PreviousEnv);
            json.WriteBoolean("approvalSkip", env.ApprovalSkip);
            json.WriteBoolean("hasCheckpoint", env.HasCheckpoint);
            json.WriteString("template", env.Template);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("stages");
        foreach (var stage in region.Stages) WriteStage(json, stage);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteStage(Utf8JsonWriter json, PlannedStage stage)
    {
        var definition = stage.Definition;
        json.WriteStartObject();
        json.WriteString("refId", stage.RefId);
        json.WriteStartArray("requisiteStageRefIds");
        foreach (var refId in stage.RequisiteRefIds) json.WriteStringValue(refId);
        json.WriteEndArray();
        json.WriteString("kind", stage.Kind.ToString());
        json.WriteString("name", stage.Name);
        json.WriteString("env", stage.Env);
        json.WriteBoolean("isBranch", stage.IsBranch);
        json.WriteNumber("timeoutSeconds", (long)stage.Timeout.TotalSeconds);
        json.WriteString("executor", definition.Executor);
        json.WriteStartObject("retry");
        json.WriteNumber("maxAttempts", definition.Retry.MaxAttempts);
        json.WriteNumber("firstDelaySeconds", definition.Retry.FirstDelay.TotalSeconds);
        json.WriteNumber("backoffCoefficient", definition.Retry.BackoffCoefficient);
        json.WriteEndObject();
        json.WriteString("onFailure", definition.OnFailure.ToString());
        json.WriteEndObject();
    }
}
