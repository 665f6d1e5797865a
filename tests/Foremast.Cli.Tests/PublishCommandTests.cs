using System.Text.Json.Nodes;
using Foremast.Spinnaker.Tests.Gate;
using Foremast.Tests.Shared;

namespace Foremast.Cli.Tests;

/// <summary>
/// <c>foremast publish</c> end to end against the fake Gate, using scenario 01's runway and the pipelines Foremast
/// generated for it. GATE_TOKEN is set (or cleared) per run through <see cref="CliRunner.RunWith"/>.
/// </summary>
public sealed class PublishCommandTests : IAsyncLifetime
{
    private const string Scenario = "01-ec2-3env-2region";
    private const string App = "unicornforrest";

    private readonly string _pipelines = Directory.CreateTempSubdirectory("foremast-publish-").FullName;
    private FakeGate _gate = null!;

    public async Task InitializeAsync()
    {
        _gate = await FakeGate.StartAsync(new FakeGateOptions(RequiredToken: "t0ken"));
        _gate.State.RunningPolls = 0;
        var generated = Path.Combine(Fixtures.Scenario(Scenario), "output", "spinnaker-pipelines");
        foreach (var region in new[] { "us-east-1", "us-west-2" })
        {
            File.Copy(Path.Combine(generated, $"pipeline.{region}.json"), Path.Combine(_pipelines, $"pipeline.{region}.json"));
        }
    }

    public async Task DisposeAsync()
    {
        await _gate.DisposeAsync();
        Directory.Delete(_pipelines, recursive: true);
    }

    [Fact]
    public void Publish_creates_the_app_saves_pipelines_and_removes_a_stale_region()
    {
        _gate.State.Seed(new JsonObject { ["application"] = App, ["name"] = $"{App} [eu-west-1]" });
        _gate.State.Seed(new JsonObject { ["application"] = App, ["name"] = "Deploy hotfix" });

        var (code, output, error) = Publish("--token", "t0ken");

        Assert.True(code == 0, error);
        Assert.Equal(
            [$"created   {App} [us-east-1]", $"created   {App} [us-west-2]", $"deleted   {App} [eu-west-1]"],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var task = JsonNode.Parse(Assert.Single(_gate.RequestsTo("POST", "/tasks")).Body);
        var recorded = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures.Scenario(Scenario), "output", "spinnaker-tasks", "prepare-app-pipeline.01.createApplication.json")));
        Assert.True(JsonNode.DeepEquals(recorded, task), task?.ToJsonString());
        Assert.Equal(["Deploy hotfix", $"{App} [us-east-1]", $"{App} [us-west-2]"], _gate.State.Pipelines(App).Select(p => p["name"]!.ToString()));
    }

    [Fact]
    public void Publishing_again_reports_every_pipeline_unchanged()
    {
        Assert.Equal(0, Publish("--token", "t0ken").ExitCode);

        var (code, output, error) = Publish("--token", "t0ken");

        Assert.True(code == 0, error);
        Assert.Equal([$"unchanged {App} [us-east-1]", $"unchanged {App} [us-west-2]"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void Token_defaults_to_the_GATE_TOKEN_variable()
    {
        // Set through the runner, under its lock: a variable set here directly would race other classes' runs,
        // which restore GATE_TOKEN to what they saw when they started.
        var (code, _, error) = Publish(new Dictionary<string, string?> { ["GATE_TOKEN"] = "t0ken" });

        Assert.True(code == 0, error);
        Assert.All(_gate.Requests, r => Assert.Equal("Bearer t0ken", r.Header("Authorization")));
    }

    [Fact]
    public void Gate_rejection_exits_1_with_gate_message()
    {
        _gate.Faults.RejectNext(400, "Stage type 'bake' is not allowed here", "/pipelines", "POST");

        var (code, _, error) = Publish("--token", "t0ken");

        Assert.Equal(1, code);
        Assert.Contains("Stage type 'bake' is not allowed here", error);
    }

    [Fact]
    public void Missing_pipeline_documents_exit_2()
    {
        foreach (var file in Directory.EnumerateFiles(_pipelines)) File.Delete(file);

        var (code, _, error) = Publish("--token", "t0ken");

        Assert.Equal(2, code);
        Assert.Contains("no pipeline.*.json files", error);
        Assert.Empty(_gate.Requests);
    }

    [Fact]
    public async Task Self_signed_gate_is_refused_unless_its_ca_is_given_or_insecure_is_asked()
    {
        using var certs = new TestCertificates();
        await _gate.DisposeAsync();
        _gate = await FakeGate.StartAsync(new FakeGateOptions(ServerCertificate: certs.Server));
        _gate.State.RunningPolls = 0;

        var refused = Publish();
        var withBundle = Publish("--ca-bundle", certs.CaBundlePath);
        var insecure = Publish("--insecure");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("TLS verification", refused.Error);
        Assert.True(withBundle.ExitCode == 0, withBundle.Error);
        Assert.True(insecure.ExitCode == 0, insecure.Error);
    }

    private (int ExitCode, string Out, string Error) Publish(params string[] extra) => Publish(new Dictionary<string, string?> { ["GATE_TOKEN"] = null }, extra);

    private (int ExitCode, string Out, string Error) Publish(IReadOnlyDictionary<string, string?> environment, params string[] extra) =>
        CliRunner.RunWith(environment,
        [
            "publish", Fixtures.ScenarioRunway(Scenario), "--config", Fixtures.ScenarioConfig(Scenario), "--project", "forrest", "--repo", "unicorn",
            "--pipelines", _pipelines, "--gate", _gate.BaseUrl.ToString(), "--email", "team-unicorn@example.com", .. extra,
        ]);
}
