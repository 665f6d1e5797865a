using System.Text.Json;
using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Core.Plan;
using Foremast.Workflows.Orchestrations.Stages;
using Foremast.Workflows.Tests.Support;

namespace Foremast.Workflows.Tests.Unit;

public sealed class StageTableTests
{
    [Fact]
    public void Every_stage_the_planner_emits_for_every_pipeline_type_has_a_handler()
    {
        var examples = Runs.Examples();
        var emitted = new HashSet<StageKind>();
        var missing = new List<string>();
        foreach (var type in examples.Settings.AllTypes.Where(t => !examples.Settings.IsManualType(t)))
        {
            // Canary makes the S3 type plan its Pre-Promote Checkpoint and Promote stages too.
            var plan = StagePlanner.Plan(WithTypeAndStrategy(examples, type, "canary"));
            foreach (var stage in plan.Regions.SelectMany(r => r.Stages))
            {
                emitted.Add(stage.Kind);
                if (StageTable.Find(stage.Kind, type) is null) missing.Add($"{type}: {stage.Kind} ({stage.Name})");
            }
        }

        Assert.Empty(missing);
        Assert.Equal(Enum.GetValues<StageKind>().Order(), emitted.Order());
    }

    [Fact]
    public void Gates_are_the_two_checkpoint_kinds_only()
    {
        var gates = Enum.GetValues<StageKind>().Where(k => StageTable.Find(k, "s3") is { IsGate: true });

        Assert.Equal([StageKind.Checkpoint, StageKind.PrePromoteCheckpoint], gates);
    }

    [Fact]
    public void Promote_is_an_s3_stage_and_has_no_handler_for_other_types()
    {
        Assert.NotNull(StageTable.Find(StageKind.Promote, "s3"));
        Assert.Null(StageTable.Find(StageKind.Promote, "ec2"));
    }

    private static ConfigSnapshot WithTypeAndStrategy(ConfigSnapshot snapshot, string type, string strategy)
    {
        var pipeline = JsonNode.Parse(snapshot.Pipeline.GetRawText())!.AsObject();
        pipeline["type"] = type;
        var environments = snapshot.Environments.ToDictionary(e => e.Key, e =>
        {
            var doc = JsonNode.Parse(e.Value.GetRawText())!.AsObject();
            doc["deploy_strategy"] = strategy;
            foreach (var region in snapshot.RegionsOf(e.Key))
            {
                if (doc[region] is JsonObject regional) regional["deploy_strategy"] = strategy;
            }

            return JsonSerializer.SerializeToElement(doc);
        });
        return snapshot with { Pipeline = JsonSerializer.SerializeToElement(pipeline), Environments = environments };
    }
}
