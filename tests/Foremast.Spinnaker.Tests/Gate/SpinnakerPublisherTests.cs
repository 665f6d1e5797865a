using System.Text.Json.Nodes;
using Foremast.Spinnaker.Application;
using Foremast.Spinnaker.Gate;

namespace Foremast.Spinnaker.Tests.Gate;

public sealed class SpinnakerPublisherTests : IAsyncLifetime
{
    private const string App = "app";

    private FakeGate _gate = null!;
    private GateClient _client = null!;

    public async Task InitializeAsync()
    {
        _gate = await FakeGate.StartAsync();
        _client = GateTestOptions.Client(_gate);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _gate.DisposeAsync();
    }

    [Fact]
    public async Task New_app_gets_created_with_its_pipelines_and_no_ids_sent()
    {
        var result = await Publish("app [us-east-1]", "app [us-west-2]");

        Assert.NotNull(_gate.State.Application(App));
        Assert.Equal([PipelineAction.Created, PipelineAction.Created], result.Changes.Select(c => c.Action));
        Assert.Equal(["app [us-east-1]", "app [us-west-2]"], _gate.State.Pipelines(App).Select(p => p["name"]!.ToString()));
        Assert.All(_gate.RequestsTo("POST", "/pipelines"), r => Assert.Null(JsonNode.Parse(r.Body)!["id"]));
    }

    [Fact]
    public async Task Application_task_runs_before_any_pipeline_is_saved()
    {
        await Publish("app [us-east-1]");

        var paths = _gate.Requests.Select(r => $"{r.Method} {r.Path}").ToList();
        Assert.Equal("POST /tasks", paths[0]);
        Assert.True(paths.IndexOf("POST /pipelines") > paths.FindLastIndex(p => p.StartsWith("GET /tasks/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Existing_pipeline_with_the_exact_name_is_updated_in_place()
    {
        var seeded = _gate.State.Seed(GateTestData.Pipeline(App, "app [us-east-1]", stageName: "Old bake"));

        var result = await Publish("app [us-east-1]");

        var change = Assert.Single(result.Changes);
        Assert.Equal(new PipelineChange("app [us-east-1]", PipelineAction.Updated, seeded["id"]!.ToString()), change);
        var stored = Assert.Single(_gate.State.Pipelines(App));
        Assert.Equal(seeded["id"]!.ToString(), stored["id"]!.ToString());
        Assert.Equal("Bake", stored["stages"]![0]!["name"]!.ToString());
    }

    [Fact]
    public async Task Pipeline_of_a_region_that_only_contains_the_name_is_not_reused()
    {
        // Foremast took the first pipeline whose name contained the region, so us-east-1 would have overwritten this one.
        var beta = _gate.State.Seed(GateTestData.Pipeline(App, "app [us-east-1-beta]"));

        var result = await Publish("app [us-east-1]", "app [us-east-1-beta]");

        Assert.Equal(new PipelineChange("app [us-east-1]", PipelineAction.Created, null), result.Changes[0]);
        Assert.Equal(PipelineAction.Unchanged, result.Changes[1].Action);
        Assert.Null(JsonNode.Parse(Assert.Single(_gate.RequestsTo("POST", "/pipelines")).Body)!["id"]);
        var stored = _gate.State.Pipelines(App);
        Assert.Equal(2, stored.Count);
        Assert.Equal(beta["id"]!.ToString(), stored.Single(p => p["name"]!.ToString() == "app [us-east-1-beta]")["id"]!.ToString());
    }

    [Fact]
    public async Task Stale_region_and_onetime_pipelines_are_deleted_and_unmanaged_ones_kept()
    {
        foreach (var name in new[] { "app [us-west-2]", "app [us-east-1] (onetime-stage)", "Deploy hotfix", "app manual [us-west-2]", "app [us-west-2] copy" })
        {
            _gate.State.Seed(GateTestData.Pipeline(App, name));
        }

        var result = await Publish("app [us-east-1]");

        Assert.Equal(["app [us-west-2]", "app [us-east-1] (onetime-stage)"], result.With(PipelineAction.Deleted).Select(c => c.Name));
        Assert.Equal(
            ["Deploy hotfix", "app manual [us-west-2]", "app [us-west-2] copy", "app [us-east-1]"],
            _gate.State.Pipelines(App).Select(p => p["name"]!.ToString()));
    }

    [Fact]
    public async Task Publishing_only_onetime_pipelines_deletes_nothing()
    {
        _gate.State.Seed(GateTestData.Pipeline(App, "app [us-west-2]"));

        var result = await Publish("app [us-east-1] (onetime-stage)");

        Assert.Empty(result.With(PipelineAction.Deleted));
        Assert.Equal(2, _gate.State.Pipelines(App).Count);
    }

    [Fact]
    public async Task Publishing_twice_leaves_gate_unchanged_and_saves_nothing_the_second_time()
    {
        _gate.State.Seed(GateTestData.Pipeline(App, "app [eu-west-1]"));
        _gate.State.Seed(GateTestData.Pipeline(App, "Deploy hotfix"));
        await Publish("app [us-east-1]", "app [us-west-2]");
        var first = Snapshot();
        var savesBefore = _gate.RequestsTo("POST", "/pipelines").Count();
        var deletesBefore = _gate.Requests.Count(r => r.Method == "DELETE");

        var second = await Publish("app [us-east-1]", "app [us-west-2]");

        Assert.Equal(first, Snapshot());
        Assert.All(second.Changes, c => Assert.Equal(PipelineAction.Unchanged, c.Action));
        Assert.Equal(savesBefore, _gate.RequestsTo("POST", "/pipelines").Count());
        Assert.Equal(deletesBefore, _gate.Requests.Count(r => r.Method == "DELETE"));
        Assert.Equal(["Deploy hotfix", "app [us-east-1]", "app [us-west-2]"], _gate.State.Pipelines(App).Select(p => p["name"]!.ToString()));
    }

    [Fact]
    public async Task Failed_application_task_stops_before_any_pipeline_is_touched()
    {
        _gate.State.Seed(GateTestData.Pipeline(App, "app [us-west-2]"));
        _gate.State.TaskOutcome = FakeTaskOutcome.Terminal;
        _gate.State.TerminalMessage = "Application permissions are invalid";

        var error = await Assert.ThrowsAsync<GateTaskFailedException>(() => Publish("app [us-east-1]"));

        Assert.Contains("Application permissions are invalid", error.Message);
        Assert.Empty(_gate.RequestsTo("POST", "/pipelines"));
        Assert.Single(_gate.State.Pipelines(App));
    }

    [Fact]
    public async Task Rejected_save_stops_before_any_deletion()
    {
        _gate.State.Seed(GateTestData.Pipeline(App, "app [us-west-2]"));
        _gate.Faults.RejectNext(400, "Stage 'Deploy' requires 'clusters'", "/pipelines", "POST");

        var error = await Assert.ThrowsAsync<GateException>(() => Publish("app [us-east-1]"));

        Assert.Equal("Stage 'Deploy' requires 'clusters'", error.GateMessage);
        Assert.DoesNotContain(_gate.Requests, r => r.Method == "DELETE");
    }

    [Fact]
    public async Task Create_whose_reply_was_lost_is_retried_without_a_duplicate_name_error()
    {
        // Gate saved the pipeline but the 502 made the client retry; the retry then collides with its own save.
        _gate.Faults.LoseNextReply(502, "/pipelines", "POST");

        var result = await Publish("app [us-east-1]");

        var stored = Assert.Single(_gate.State.Pipelines(App));
        Assert.Equal(new PipelineChange("app [us-east-1]", PipelineAction.Created, stored["id"]!.ToString()), Assert.Single(result.Changes));
        Assert.Equal(3, _gate.RequestsTo("POST", "/pipelines").Count());
    }

    [Fact]
    public async Task Pipeline_for_another_application_is_refused_before_calling_gate()
    {
        var publisher = new SpinnakerPublisher(_client);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            publisher.PublishAsync(App, GateTestData.CreateApplication(App), [GateTestData.Pipeline("other", "other [us-east-1]")]));
        Assert.Empty(_gate.Requests);
    }

    private Task<PublishResult> Publish(params string[] names) =>
        new SpinnakerPublisher(_client).PublishAsync(App, GateTestData.CreateApplication(App), names.Select(n => GateTestData.Pipeline(App, n)).ToList());

    private string Snapshot() => string.Join("\n", _gate.State.Pipelines(App).OrderBy(p => p["name"]!.ToString()).Select(p => p.ToJsonString()));
}
