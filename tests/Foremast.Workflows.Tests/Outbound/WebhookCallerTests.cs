using System.Net;
using System.Text.Json;
using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.DryRun;
using Foremast.Workflows.Extensions;
using Foremast.Workflows.Tests.Support;
using Foremast.Workflows.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Foremast.Workflows.Tests.Outbound;

/// <summary>The live completion-webhook caller as the workflow layer registers it, against a real loopback receiver.</summary>
public sealed class WebhookCallerTests
{
    [Fact]
    public async Task A_live_run_sends_the_configured_method_payload_and_headers_with_a_delivery_id()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        using var services = Services();

        var result = await Caller(services).CallAsync(Request(receiver, "put", dryRun: false), CancellationToken.None);

        var received = Assert.Single(receiver.Requests);
        Assert.Equal(("PUT", "/hooks/deployed"), (received.Method, received.Path));
        Assert.Equal("webshop", JsonDocument.Parse(received.Body).RootElement.GetProperty("app").GetString());
        Assert.Equal("secret-token", received.Headers["X-Token"]);
        Assert.Equal("run-1/us-east-1/300", received.Headers[HttpWebhookCaller.DeliveryHeader]);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal($"called PUT {receiver.Url}hooks/deployed: 200", result.Summary);
    }

    [Fact]
    public async Task A_dry_run_sends_nothing_and_says_what_it_would_have_sent()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        using var services = Services();

        var result = await Caller(services).CallAsync(Request(receiver, "post", dryRun: true), CancellationToken.None);

        Assert.Empty(receiver.Requests);
        Assert.Null(result.StatusCode);
        Assert.Equal($"would call POST {receiver.Url}hooks/deployed (dry run: not sent)", result.Summary);
        Assert.Contains(services.GetRequiredService<IActionRecorder>().ForRun("run-1"), a => a.Action == "webhook");
    }

    [Fact]
    public async Task A_server_error_is_retried_by_the_resilience_handler()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(503);
        using var services = Services();

        var result = await Caller(services).CallAsync(Request(receiver, "post", dryRun: false), CancellationToken.None);

        Assert.Equal(2, receiver.Requests.Count);
        Assert.Equal(200, result.StatusCode);
    }

    [Fact]
    public async Task A_client_error_fails_with_one_line_naming_the_call_and_is_not_retried()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(404);
        using var services = Services();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Caller(services).CallAsync(Request(receiver, "post", dryRun: false), CancellationToken.None));

        Assert.Equal($"POST {receiver.Url}hooks/deployed answered 404 Not Found", error.Message);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Single(receiver.Requests);
    }

    private static ServiceProvider Services() => new ServiceCollection().AddLogging().AddForemastWorkflows().BuildServiceProvider();

    private static IWebhookCaller Caller(IServiceProvider services)
    {
        var caller = services.GetRequiredService<IWebhookCaller>();
        Assert.IsType<HttpWebhookCaller>(caller); // the registered default is the live caller
        return caller;
    }

    private static StageRequest Request(LoopbackReceiver receiver, string method, bool dryRun)
    {
        var hook = JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["url"] = $"{receiver.Url}hooks/deployed",
            ["name"] = "Notify CMDB",
            ["method"] = method,
            ["payload"] = new Dictionary<string, string> { ["app"] = "webshop" },
            ["custom_headers"] = new Dictionary<string, string> { ["X-Token"] = "secret-token" },
        });
        return new StageRequest("run-1", "webshop", "us-east-1", "dev", "300", "DEV: Notify CMDB", Runs.Artifact, hook, dryRun);
    }
}
