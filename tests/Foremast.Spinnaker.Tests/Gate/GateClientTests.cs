using System.Net;
using Foremast.Spinnaker.Gate;

namespace Foremast.Spinnaker.Tests.Gate;

public sealed class GateClientTests : IAsyncLifetime
{
    private FakeGate _gate = null!;

    public async Task InitializeAsync() => _gate = await FakeGate.StartAsync();

    public async Task DisposeAsync() => await _gate.DisposeAsync();

    [Fact]
    public async Task Request_is_retried_on_503_until_gate_answers()
    {
        _gate.Faults.FailNext(2, 503, "/applications/app/pipelineConfigs");
        using var client = GateTestOptions.Client(_gate);

        var configs = await client.GetPipelineConfigsAsync("app");

        Assert.Empty(configs);
        Assert.Equal(3, _gate.RequestsTo("GET", "/applications/app/pipelineConfigs").Count());
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(408)]
    [InlineData(429)]
    public async Task Request_is_retried_on_transient_status(int status)
    {
        _gate.Faults.FailNext(1, status, "/applications/app/pipelineConfigs");
        using var client = GateTestOptions.Client(_gate);

        await client.GetPipelineConfigsAsync("app");

        Assert.Equal(2, _gate.RequestsTo("GET", "/applications/app/pipelineConfigs").Count());
    }

    [Fact]
    public async Task Persistent_503_fails_with_status_after_the_retry_budget()
    {
        _gate.Faults.FailNext(100, 503, "/applications/app/pipelineConfigs");
        using var client = GateTestOptions.Client(_gate, o => o with { MaxRetries = 2 });

        var error = await Assert.ThrowsAsync<GateException>(() => client.GetPipelineConfigsAsync("app"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(3, _gate.RequestsTo("GET", "/applications/app/pipelineConfigs").Count());
    }

    [Fact]
    public async Task Bad_request_surfaces_gate_message_without_retry()
    {
        _gate.Faults.RejectNext(400, "Pipeline stage 'bake' is missing 'package'", "/pipelines");
        using var client = GateTestOptions.Client(_gate);

        var error = await Assert.ThrowsAsync<GateException>(() => client.SavePipelineAsync(GateTestData.Pipeline("app", "app [us-east-1]")));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("POST", error.Method);
        Assert.Equal("/pipelines", error.Path);
        Assert.Equal("Pipeline stage 'bake' is missing 'package'", error.GateMessage);
        Assert.Contains("Pipeline stage 'bake' is missing 'package'", error.Message);
        Assert.Single(_gate.RequestsTo("POST", "/pipelines"));
    }

    [Fact]
    public async Task Slow_response_is_abandoned_and_retried()
    {
        _gate.Faults.DelayNext(TimeSpan.FromSeconds(2), path: "/applications/app/pipelineConfigs");
        using var client = GateTestOptions.Client(_gate, o => o with { Timeout = TimeSpan.FromMilliseconds(400) });

        var configs = await client.GetPipelineConfigsAsync("app");

        // The delayed first attempt was abandoned; a busy machine may need one more, hence "at least".
        Assert.Empty(configs);
        Assert.InRange(_gate.RequestsTo("GET", "/applications/app/pipelineConfigs").Count(), 2, 4);
    }

    [Fact]
    public async Task Gate_that_never_answers_in_time_is_a_timeout_error()
    {
        _gate.Faults.DelayNext(TimeSpan.FromSeconds(2), times: 10, path: "/applications/app/pipelineConfigs");
        using var client = GateTestOptions.Client(_gate, o => o with { Timeout = TimeSpan.FromMilliseconds(100), MaxRetries = 1 });

        var error = await Assert.ThrowsAsync<GateException>(() => client.GetPipelineConfigsAsync("app"));

        Assert.Null(error.StatusCode);
        Assert.Contains("did not answer within 0.1 s (2 attempts)", error.Message);
    }

    [Fact]
    public async Task Pipeline_without_a_name_is_rejected_by_gate()
    {
        using var client = GateTestOptions.Client(_gate);

        var error = await Assert.ThrowsAsync<GateException>(() => client.SavePipelineAsync(new System.Text.Json.Nodes.JsonObject { ["application"] = "app" }));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("A pipeline requires name and application fields", error.GateMessage);
    }

    [Fact]
    public async Task Saving_a_second_pipeline_with_the_same_name_and_no_id_is_rejected_by_gate()
    {
        using var client = GateTestOptions.Client(_gate);
        await client.SavePipelineAsync(GateTestData.Pipeline("app", "app [us-east-1]"));

        var error = await Assert.ThrowsAsync<GateException>(() => client.SavePipelineAsync(GateTestData.Pipeline("app", "app [us-east-1]")));

        Assert.Equal("A pipeline with name app [us-east-1] already exists in application app", error.GateMessage);
    }

    [Fact]
    public async Task Pipeline_with_brackets_and_spaces_in_its_name_is_deleted()
    {
        _gate.State.Seed(GateTestData.Pipeline("app", "app [us-east-1] (onetime-stage)"));
        using var client = GateTestOptions.Client(_gate);

        await client.DeletePipelineAsync("app", "app [us-east-1] (onetime-stage)");

        Assert.Empty(_gate.State.Pipelines("app"));
    }

    [Fact]
    public async Task Missing_application_is_null_not_an_error()
    {
        using var client = GateTestOptions.Client(_gate);

        Assert.Null(await client.GetApplicationAsync("nosuchapp"));
    }

    [Fact]
    public async Task Succeeded_task_is_polled_until_done()
    {
        _gate.State.RunningPolls = 2;
        using var client = GateTestOptions.Client(_gate);

        var task = await client.RunTaskAsync(GateTestData.CreateApplication("myapp"));

        Assert.True(task.Succeeded);
        Assert.Equal(3, _gate.Requests.Count(r => r.Path.StartsWith("/tasks/", StringComparison.Ordinal)));
        Assert.NotNull(await client.GetApplicationAsync("myapp"));
    }

    [Fact]
    public async Task Terminal_task_fails_with_gate_failure_message()
    {
        _gate.State.TaskOutcome = FakeTaskOutcome.Terminal;
        _gate.State.TerminalMessage = "No credentials found for account prod";
        using var client = GateTestOptions.Client(_gate);

        var error = await Assert.ThrowsAsync<GateTaskFailedException>(() => client.RunTaskAsync(GateTestData.CreateApplication("myapp")));

        Assert.Equal("TERMINAL", error.Status);
        Assert.Contains("No credentials found for account prod", error.Message);
    }

    [Fact]
    public async Task Task_rejected_by_orca_validation_fails_with_its_reason()
    {
        using var client = GateTestOptions.Client(_gate);

        var error = await Assert.ThrowsAsync<GateTaskFailedException>(() => client.RunTaskAsync(GateTestData.CreateApplication("bad-name!")));

        Assert.Contains("Invalid application name 'bad-name!'", error.Message);
    }

    [Fact]
    public async Task Task_still_running_at_the_deadline_is_inconclusive()
    {
        _gate.State.TaskOutcome = FakeTaskOutcome.StuckRunning;
        using var client = GateTestOptions.Client(_gate);

        var error = await Assert.ThrowsAsync<GateTaskTimeoutException>(() => client.RunTaskAsync(GateTestData.CreateApplication("myapp"), TimeSpan.FromMilliseconds(100)));

        Assert.Equal("RUNNING", error.LastStatus);
        Assert.Contains("inconclusive", error.Message);
    }

    [Fact]
    public async Task Unreachable_gate_is_a_clear_error()
    {
        var port = _gate.BaseUrl.Port;
        await _gate.DisposeAsync();
        _gate = await FakeGate.StartAsync();
        using var client = GateClientFactory.Create(GateTestOptions.Fast(new Uri($"http://127.0.0.1:{port}")) with { MaxRetries = 1 });

        var error = await Assert.ThrowsAsync<GateException>(() => client.GetPipelineConfigsAsync("app"));

        Assert.Null(error.StatusCode);
        Assert.Contains("could not reach", error.Message);
    }
}
