using Foremast.Core.Plan;
using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Foremast.Workflows.Tests;

public sealed class GeneratedPipelinesTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    [Fact]
    public async Task Run_stores_the_equivalent_spinnaker_pipelines_and_lists_them_in_its_status()
    {
        var runId = Runs.NewRunId("pipelines");
        var snapshot = Runs.Examples();
        var plan = StagePlanner.Plan(snapshot);
        await host.StartAsync(runId, snapshot, Runs.Fast());
        foreach (var region in plan.Regions)
        {
            await host.WaitForCheckpointAsync(runId, region.Region, "prod");
            await host.DecideAsync(runId, region.Region, "prod", ApprovalDecision.Approve, "alice", null);
        }

        var (result, status) = await host.CompleteAsync(runId);

        Assert.Equal(RunOutcome.Succeeded, result.Outcome);
        var stored = await host.Host.Services.GetRequiredService<IPipelineStore>().LoadAsync(runId);
        Assert.Equal(plan.Regions.Select(r => r.PipelineName), stored.Select(p => p.Name));
        Assert.Equal(plan.Regions.Select(r => r.PipelineName), status.Pipelines!.Select(p => p.Name));
        foreach (var region in plan.Regions)
        {
            // The stored document is the generator's: the plan's stages, with Spinnaker's refIds.
            var document = stored.Single(p => p.Region == region.Region).Document;
            var stages = document.GetProperty("stages").EnumerateArray().Select(s => $"{s.GetProperty("refId").GetString()}:{s.GetProperty("name").GetString()}");
            Assert.Equal(region.Stages.Select(s => $"{s.RefId}:{s.Name}"), stages);
            Assert.Equal(region.Stages.Count, status.Pipelines!.Single(p => p.Region == region.Region).Stages);
        }
    }
}
