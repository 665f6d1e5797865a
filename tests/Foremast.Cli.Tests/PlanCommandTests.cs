using System.Text.Json;
using Foremast.Tests.Shared;

namespace Foremast.Cli.Tests;

public class PlanCommandTests
{
    public static TheoryData<string> Scenarios => new(Fixtures.ScenarioNames);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Plan_json_lists_one_pipeline_per_region_for_every_conformance_runway(string scenario)
    {
        var (code, output, error) = CliRunner.Run("plan", Fixtures.ScenarioRunway(scenario), "--config", Fixtures.ScenarioConfig(scenario), "--project", "forrest", "--repo", "unicorn", "--json");

        Assert.True(code == 0, error);
        using var plan = JsonDocument.Parse(output);
        Assert.Equal("unicornforrest", plan.RootElement.GetProperty("app").GetString());
        Assert.NotEmpty(plan.RootElement.GetProperty("regions").EnumerateArray());
    }

    [Fact]
    public void Plan_tree_shows_branch_stages_under_their_deploy()
    {
        var (code, output, error) = CliRunner.Run("plan", Fixtures.ScenarioRunway("01-ec2-3env-2region"), "--config", Fixtures.ScenarioConfig("01-ec2-3env-2region"), "--project", "forrest", "--repo", "unicorn");

        Assert.True(code == 0, error);
        Assert.Contains("unicornforrest [us-west-2]", output);
        Assert.Contains("500  Attach Scaling Policy [stage]", output);
    }

    [Fact]
    public void Plan_without_project_and_repo_is_a_validation_error()
    {
        var (code, _, error) = CliRunner.RunWith(new Dictionary<string, string?> { ["PROJECT"] = null, ["GIT_REPO"] = null }, "plan", Fixtures.ScenarioRunway("01-ec2-3env-2region"));

        Assert.Equal(2, code);
        Assert.Contains("project and repo are required", error);
    }
}
