using System.Text.Json;
using Foremast.Core.Plan;
using Foremast.Core.Validation;
using Foremast.Workflows.Activities;
using Foremast.Workflows.Tests.Support;

namespace Foremast.Workflows.Tests.Unit;

public sealed class ConfigurationActivityTests
{
    private static Task<DeploymentPlan> Plan(Core.Config.ConfigSnapshot snapshot) =>
        new ConfigurationActivity().RunAsync(new FakeActivityContext(nameof(ConfigurationActivity)), snapshot);

    [Fact]
    public async Task The_plan_is_the_core_planner_s_plan_with_each_stage_s_config_slice()
    {
        var snapshot = Runs.Examples();
        var plan = await Plan(snapshot);

        var expected = StagePlanner.Plan(snapshot);
        Assert.Equal(expected.Regions.Select(r => r.Region), plan.Regions.Select(r => r.Region));
        // Records compare their lists by reference, so compare the stages as JSON.
        Assert.Equal(expected.Regions[0].Stages.Select(s => JsonSerializer.Serialize(s)), plan.Regions[0].Stages.Select(s => JsonSerializer.Serialize(s.Stage)));
        var east = plan.Regions[0].Stages.ToDictionary(s => s.Stage.Name);
        Assert.Equal("tomcat8", east["Bake [us-east-1]"].Settings.GetProperty("base").GetString());
        Assert.Equal("http://127.0.0.1:45661/deployed", east["DEV: Notify CMDB"].Settings.GetProperty("url").GetString());
        Assert.Equal("m5.large", east["Deploy prod"].Settings.GetProperty("app").GetProperty("instance_type").GetString());
    }

    [Fact]
    public async Task A_region_override_reaches_the_stage_of_that_region_only()
    {
        var plan = await Plan(Runs.Examples());

        int MinInstances(string region) => plan.Regions.Single(r => r.Region == region).Stages
            .Single(s => s.Stage.Name == "Deploy stage").Settings.GetProperty("asg").GetProperty("min_inst").GetInt32();
        Assert.Equal(2, MinInstances("us-east-1"));
        Assert.Equal(1, MinInstances("us-west-2"));
    }

    [Fact]
    public async Task A_snapshot_missing_an_env_document_is_rejected_with_every_problem()
    {
        var examples = Runs.Examples();
        var broken = examples with { Environments = examples.Environments.Where(e => e.Key == "dev").ToDictionary() };

        var error = await Assert.ThrowsAsync<ConfigValidationException>(() => Plan(broken));

        Assert.Equal(2, error.Diagnostics.Count);
        Assert.Contains("env 'prod' is in pipeline.json", error.Message, StringComparison.Ordinal);
    }
}
