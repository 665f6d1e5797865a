using System.Diagnostics;
using Foremast.Aws.Http;
using Foremast.Aws.Tests.Support;
using Foremast.Core.Config.Aws;
using Foremast.Workflows.Telemetry;
using Foremast.Workflows.Tests.Telemetry;

namespace Foremast.Aws.Tests.Telemetry;

/// <summary>Every AWS call through the handler chain is a client span and a count; each retry is counted with its reason.</summary>
[Collection(AwsTelemetryCollection.Name)]
public sealed class AwsCallTelemetryTests(MotoServer moto) : IClassFixture<MotoServer>
{
    [Fact]
    public async Task A_throttled_then_answered_call_is_one_span_one_call_and_one_retry()
    {
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        proxy.Fail(FaultKind.Throttle, 1, c => c.Operation == "GetCallerIdentity");
        using var clients = AwsTestClients.Builder(proxy.Url);
        using var capture = new TelemetryCapture();
        using var parent = new Activity("test").Start();

        var identity = await clients.Query(AwsService.Sts, new AwsTarget("dev", "us-east-1", true, AwsSettings.Empty))
            .CallAsync("GetCallerIdentity", null, CancellationToken.None);

        Assert.Equal("123456789012", identity.Value("Account"));
        var span = Assert.Single(capture.Spans, s => s.TraceId == parent.TraceId);
        Assert.Equal("aws STS.GetCallerIdentity", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(200, span.GetTagItem(ForemastTelemetry.AwsStatusTag));

        var call = Assert.Single(capture.Measurements("foremast.aws.calls"));
        Assert.Equal(("STS", "GetCallerIdentity", "200"), ((string)call.Tags[ForemastTelemetry.AwsServiceTag]!, (string)call.Tags[ForemastTelemetry.AwsOperationTag]!, (string)call.Tags[ForemastTelemetry.AwsStatusTag]!));
        Assert.Single(capture.Measurements("foremast.aws.call.duration"));
        var retry = Assert.Single(capture.Measurements("foremast.aws.retries"));
        Assert.Equal(("STS", "GetCallerIdentity", "400"), ((string)retry.Tags[ForemastTelemetry.AwsServiceTag]!, (string)retry.Tags[ForemastTelemetry.AwsOperationTag]!, (string)retry.Tags[ForemastTelemetry.AwsRetryReasonTag]!));
        Assert.Equal(2, proxy.Calls.Count(c => c.Operation == "GetCallerIdentity"));
    }

    [Fact]
    public async Task An_sdk_client_call_is_counted_with_its_operation()
    {
        using var clients = AwsTestClients.Builder(moto.Url);
        using var capture = new TelemetryCapture();

        await clients.Ec2(new AwsTarget("dev", "eu-west-1", true, AwsSettings.Empty)).DescribeVpcsAsync(new Amazon.EC2.Model.DescribeVpcsRequest());

        var call = Assert.Single(capture.Measurements("foremast.aws.calls"));
        Assert.Equal(("EC2", "DescribeVpcs"), ((string)call.Tags[ForemastTelemetry.AwsServiceTag]!, (string)call.Tags[ForemastTelemetry.AwsOperationTag]!));
        Assert.Empty(capture.Measurements("foremast.aws.retries"));
    }
}
