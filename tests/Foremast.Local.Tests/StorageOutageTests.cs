using System.Net;
using System.Text.Json;
using Foremast.Local.Tests.Support;
using Xunit.Abstractions;

namespace Foremast.Local.Tests;

/// <summary>The engine's storage taken away under it (a forwarder to Azurite closed) and brought back.</summary>
[Collection(HttpApiCollection.Name)]
public sealed class StorageOutageTests(ITestOutputHelper output)
{
    private const string WentAway = "Task hub storage is unreachable";
    private const string CameBack = "Task hub storage is reachable again";

    [Fact]
    public async Task Every_route_but_health_answers_503_with_a_reason_and_retry_after_and_the_log_says_so_once_each_way()
    {
        await AzuriteRequirement.EnsureRunningAsync();
        var hub = TestHubs.New("outage");
        await using var cleanup = await HubClient.ConnectAsync(hub);
        await using var storage = TcpForwarder.ToAzurite();
        await using var engine = await EngineProcess.StartAsync(hub, TempFiles.ActionsLog(hub), TestHubs.FastRecovery, storage.ConnectionString);
        // No timing is asserted (a loaded CI machine makes any bound flaky); what a request gets is.
        using var http = new HttpClient { BaseAddress = engine.Url, Timeout = TimeSpan.FromSeconds(60) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/runs")).StatusCode);

        storage.Stop();
        await Poll.UntilAsync(async () => (await http.GetAsync("/api/runs")).StatusCode == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30), "503 during the outage");

        using var json = await http.GetAsync("/api/runs");
        using var page = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/runs/webshopacme-0123") { Headers = { { "Accept", "text/html,application/xhtml+xml" } } });
        using var hook = await http.PostAsync("/api/hooks/git", new StringContent("{}"));
        using var approval = await http.GetAsync("/api/approvals/not-a-token");
        using var start = await http.PostAsync("/api/runs", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        using var health = await http.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, json.StatusCode);
        Assert.Equal("5", json.Headers.RetryAfter?.ToString());
        var error = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()!;
        Assert.StartsWith("The task hub storage is unreachable (", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
        Assert.DoesNotContain("AccountKey", error, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "text/html"), (page.StatusCode, page.Content.Headers.ContentType?.MediaType));
        Assert.Contains("storage is unreachable", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.All(new[] { hook, approval, start }, r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("\"unhealthy\"", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Let the worker's queue polls and lease renewals fail for a while, as they would in a real outage.
        await Task.Delay(TimeSpan.FromSeconds(5));
        storage.Start();
        await Poll.UntilAsync(async () => (await http.GetAsync("/api/runs")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "200 once storage is back");
        await Poll.UntilAsync(() => Task.FromResult(engine.Output.Contains(CameBack, StringComparison.Ordinal)), TimeSpan.FromSeconds(10), "the log line saying storage is back");

        var log = engine.Output;
        output.WriteLine(log);
        Assert.Equal(1, Count(log, WentAway));
        Assert.Equal(1, Count(log, CameBack));
        var outage = log[log.IndexOf(WentAway, StringComparison.Ordinal)..log.IndexOf(CameBack, StringComparison.Ordinal)];
        Assert.DoesNotContain("   at ", outage, StringComparison.Ordinal);
    }

    private static int Count(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
