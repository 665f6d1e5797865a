using System.Net;
using System.Text.Json;
using Foremast.Api;
using Foremast.Api.Health;
using Foremast.Aws.Health;
using Foremast.Local.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Foremast.Local.Tests;

/// <summary>
/// The health check both hosts share (<see cref="HealthCheck"/>), on the suite's real Azurite and on storage taken away
/// (a forwarder to Azurite whose ports are closed). The Functions app asks through its <see cref="DurableTaskClient"/>, the
/// local engine through its storage provider: both lookups are exercised.
/// </summary>
public sealed class HealthCheckTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Reachable_storage_is_healthy_through_the_durable_client_and_through_the_storage_provider()
    {
        var hub = TestHubs.New("health");
        await using var connection = await HubClient.ConnectAsync(hub);
        var check = new HealthCheck(new HealthTarget(hub, "worker-7", DryRun: true), AwsReachability.HealthField(null));

        var viaClient = await check.HandleAsync(connection.Client, CancellationToken.None);
        var viaStorage = await check.HandleAsync(_ => connection.Storage.GetOrchestrationStateAsync(HealthCheck.ProbeInstance, allExecutions: false), CancellationToken.None);

        foreach (var response in new[] { viaClient, viaStorage })
        {
            Assert.Equal((200, ApiResponse.JsonType, "no-store"), (response.Status, response.ContentType, response.Headers["Cache-Control"]));
            var body = response.ReadJson();
            Assert.Equal(("healthy", "reachable", hub, "worker-7", true), (Text(body, "status"), Text(body, "storage"), Text(body, "taskHub"), Text(body, "worker"), body.GetProperty("dryRun").GetBoolean()));
            Assert.Equal("not configured", Text(body.GetProperty("aws"), "reachable"));
        }
    }

    [Fact]
    public async Task Storage_on_closed_ports_answers_503_over_http_with_a_one_line_reason_and_without_the_account_key()
    {
        await AzuriteRequirement.EnsureRunningAsync();
        var hub = TestHubs.New("healthdown");
        await using var cleanup = await HubClient.ConnectAsync(hub);
        // The engine needs its storage to start (it creates the hub); then every port it uses is closed under it.
        await using var storage = TcpForwarder.ToAzurite();
        var app = LocalEngine.Build(LocalEngine.CreateBuilder(settings: new Dictionary<string, string?>
        {
            ["Foremast:Local:TaskHub"] = hub,
            ["Foremast:Local:Port"] = "0",
            ["Foremast:Local:RunWorker"] = "false",
            ["Foremast:Local:StorageConnectionString"] = storage.ConnectionString,
            ["Foremast:Local:ShutdownTimeout"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "None",
        }));
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = app.HttpUrl(), Timeout = TimeSpan.FromSeconds(60) };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(ApiRoutes.Prefix + ApiRoutes.HealthPath)).StatusCode);

            storage.Stop();
            using var answer = await http.GetAsync(ApiRoutes.Prefix + ApiRoutes.HealthPath);
            var text = await answer.Content.ReadAsStringAsync();
            // The Functions app's path: the same check through the durable client.
            var viaClient = await app.Services.GetRequiredService<HealthCheck>().HandleAsync(app.Services.GetRequiredService<DurableTaskClient>(), CancellationToken.None);
            output.WriteLine($"HTTP: {text}");
            output.WriteLine($"durable client: {viaClient.BodyText}");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
            var body = JsonDocument.Parse(text).RootElement;
            Assert.Equal(("unhealthy", hub, false), (Text(body, "status"), Text(body, "taskHub"), body.TryGetProperty("worker", out _)));
            var reason = Text(body, "storage");
            Assert.False(string.IsNullOrWhiteSpace(reason) || reason == "reachable", reason);
            Assert.DoesNotContain('\n', reason);
            Assert.Equal("not configured", Text(body.GetProperty("aws"), "reachable"));
            Assert.Equal(503, viaClient.Status);
            Assert.Equal("unhealthy", Text(viaClient.ReadJson(), "status"));
            foreach (var shown in new[] { text, viaClient.BodyText })
            {
                Assert.DoesNotContain(TcpForwarder.DevelopmentAccountKey[..12], shown, StringComparison.Ordinal);
                Assert.DoesNotContain("AccountKey", shown, StringComparison.OrdinalIgnoreCase);
            }
        }
        finally
        {
            storage.Start();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static string? Text(JsonElement element, string name) => element.GetProperty(name).GetString();
}
