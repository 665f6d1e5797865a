using System.Net;
using System.Net.Sockets;
using Foremast.Aws.Credentials;
using Foremast.Aws.Health;
using Foremast.Aws.Tests.Support;

namespace Foremast.Aws.Tests.Health;

/// <summary>The health check's aws field: STS GetCallerIdentity on moto, a dead endpoint, and the short cache.</summary>
public sealed class AwsReachabilityTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static (AwsReachability Check, CallLog Log) Reachability(string endpoint, TimeProvider time)
    {
        var log = new CallLog();
        var options = new AwsOptions { EndpointUrl = endpoint, Retry = AwsTestClients.FastRetry };
        // A generous budget: a freshly started moto takes seconds to load STS on a busy machine; AWS answers in milliseconds.
        return (new AwsReachability(AwsTestClients.Builder(endpoint, log), options, time, TimeSpan.FromSeconds(60)), log);
    }

    [Fact]
    public async Task Moto_answering_sts_is_reachable_with_its_endpoint_named()
    {
        var (check, log) = Reachability(moto.Url, new ManualTime());

        var report = await check.CheckAsync();

        Assert.Equal(new AwsReachabilityReport(true, moto.Url), report);
        Assert.Equal("GetCallerIdentity", Assert.Single(log.Calls).Operation);
    }

    [Fact]
    public async Task Nothing_listening_is_unreachable_with_one_line_and_no_exception()
    {
        var dead = $"http://127.0.0.1:{FreePort()}";
        var (check, _) = Reachability(dead, new ManualTime());

        var report = await check.CheckAsync();

        Assert.Equal(false, report.Reachable);
        Assert.Equal(dead, report.Endpoint);
        Assert.False(string.IsNullOrEmpty(report.Error));
        Assert.DoesNotContain('\n', report.Error);
    }

    [Fact]
    public async Task A_second_probe_within_the_cache_window_reuses_the_answer_and_one_after_it_asks_again()
    {
        var time = new ManualTime();
        var (check, log) = Reachability(moto.Url, time);

        await check.CheckAsync();
        time.Now += AwsReachability.CacheFor / 2;
        await check.CheckAsync();
        Assert.Single(log.Calls);

        time.Now += AwsReachability.CacheFor;
        await check.CheckAsync();
        Assert.Equal(2, log.Calls.Count);
    }

    [Fact]
    public void A_host_without_aws_reports_not_configured()
    {
        Assert.Equal("not configured", AwsReachabilityReport.NotConfigured.Reachable);
        Assert.Null(AwsReachabilityReport.NotConfigured.Endpoint);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
