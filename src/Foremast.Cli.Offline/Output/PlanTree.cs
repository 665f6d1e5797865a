using Foremast.Core.Plan;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Foremast.Cli.Output;

/// <summary>The plan as a tree: one branch per region pipeline, mainline stages in order, branch stages under their parent.</summary>
public static class PlanTree
{
    public static IRenderable Render(StagePlan plan)
    {
        var root = new Tree($"[bold]{Markup.Escape(plan.App)}[/] ({Markup.Escape(plan.PipelineType)})");
        if (plan.IsManual) root.AddNode("manual pipeline type: stages come from pipeline_files");
        foreach (var region in plan.Regions)
        {
            var node = root.AddNode($"[blue]{Markup.Escape(region.PipelineName)}[/]");
            if (region.Stages.Count == 0) node.AddNode("[grey](no env deploys here)[/]");
            foreach (var stage in region.Mainline)
            {
                var stageNode = node.AddNode(Describe(stage));
                foreach (var branch in region.BranchesOf(stage)) stageNode.AddNode($"[grey]↳[/] {Describe(branch)}");
            }
        }

        return root;
    }

    private static string Describe(PlannedStage stage)
    {
        var extra = stage.Kind is StageKind.Checkpoint or StageKind.PrePromoteCheckpoint ? $" [yellow](waits up to {Format(stage.Timeout)})[/]" : "";
        return $"{stage.RefId,-4} {Markup.Escape(stage.Name)}{extra}";
    }

    private static string Format(TimeSpan t) => t.TotalHours >= 1 ? $"{t.TotalHours:0.##} h" : $"{t.TotalMinutes:0.##} min";
}
