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
            var plan = StagePlanner.Plan(examples.WithType(type, "canary"));
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
        var gates = Enum.GetValues<StageKind>().Where(k => StageTable.Find(k, "s3") is { IsCheckpoint: true });

        Assert.Equal([StageKind.Checkpoint, StageKind.PrePromoteCheckpoint], gates);
    }

    [Fact]
    public void Promote_is_an_s3_stage_and_has_no_handler_for_other_types()
    {
        Assert.NotNull(StageTable.Find(StageKind.Promote, "s3"));
        Assert.Null(StageTable.Find(StageKind.Promote, "ec2"));
    }
}
