using Foremast.Spinnaker.Tests.Gate;
using Foremast.Tests.Shared;

namespace Foremast.Cli.Tests;

/// <summary>
/// <c>foremast pipeline app|onetime</c> as a Foremast Jenkins job calls them: everything from the environment
/// (RUNWAY_DIR, PROJECT, GIT_REPO, ENV, EMAIL), against the fake Gate.
/// </summary>
public sealed class PipelineCommandTests : IAsyncLifetime
{
    private const string Scenario = "01-ec2-3env-2region";
    private const string App = "unicornforrest";

    private FakeGate _gate = null!;

    public async Task InitializeAsync() => _gate = await FakeGate.StartAsync(new FakeGateOptions());

    public async Task DisposeAsync() => await _gate.DisposeAsync();

    [Fact]
    public void Pipeline_app_generates_and_publishes_every_region_from_the_environment_a_foremast_job_sets()
    {
        var (code, output, error) = CliRunner.RunWith(Environment(), "pipeline", "app", "--config", Fixtures.ScenarioConfig(Scenario),
            "--lookups", Path.Combine(Fixtures.Scenario(Scenario), "lookups.json"), "--gate", _gate.BaseUrl.ToString());

        Assert.True(code == 0, error);
        Assert.Contains($"created   {App} [us-east-1]", output.Split('\n', StringSplitOptions.TrimEntries));
        Assert.Equal([$"{App} [us-east-1]", $"{App} [us-west-2]"], _gate.State.Pipelines(App).Select(p => p["name"]!.ToString()));
        Assert.Contains("\"email\":\"team-unicorn@example.com\"", Assert.Single(_gate.RequestsTo("POST", "/tasks")).Body.Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Pipeline_onetime_publishes_only_the_onetime_pipelines_of_ENV_and_deletes_nothing()
    {
        _gate.State.Seed(new System.Text.Json.Nodes.JsonObject { ["application"] = App, ["name"] = $"{App} [us-east-1]" });
        var environment = new Dictionary<string, string?>(Environment()) { ["ENV"] = "stage" };

        var (code, _, error) = CliRunner.RunWith(environment, "pipeline", "onetime", "--config", Fixtures.ScenarioConfig(Scenario),
            "--lookups", Path.Combine(Fixtures.Scenario(Scenario), "lookups.json"), "--gate", _gate.BaseUrl.ToString());

        Assert.True(code == 0, error);
        Assert.Equal([$"{App} [us-east-1]", $"{App} [us-east-1] (onetime-stage)", $"{App} [us-west-2] (onetime-stage)"], _gate.State.Pipelines(App).Select(p => p["name"]!.ToString()).Order(StringComparer.Ordinal));
    }

    private static Dictionary<string, string?> Environment() => new()
    {
        ["RUNWAY_DIR"] = Fixtures.ScenarioRunway(Scenario),
        ["PROJECT"] = "forrest",
        ["GIT_REPO"] = "unicorn",
        ["EMAIL"] = "team-unicorn@example.com",
        ["GATE_TOKEN"] = null,
    };
}
