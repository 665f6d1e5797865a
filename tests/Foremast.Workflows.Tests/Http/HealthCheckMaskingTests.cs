using Foremast.Api.Health;

namespace Foremast.Workflows.Tests.Http;

/// <summary>
/// What <see cref="HealthCheck"/> does with other libraries' messages. Its storage lookup and AWS field are parameters
/// (each host passes its own); here they fail the way the Azure and AWS SDKs word failures. The real storage cases, up
/// and down, are in tests/Foremast.Local.Tests/HealthCheckTests.cs.
/// </summary>
public sealed class HealthCheckMaskingTests
{
    [Fact]
    public async Task Reasons_are_masked_while_the_hosts_own_names_are_shown_as_configured()
    {
        // A hub and worker name with twelve digits in them: configured by the host, not a leak, so not masked.
        var check = new HealthCheck(new HealthTarget("Hub202611301234", "worker-202611301234", DryRun: false), () => Task.FromResult<object>(new
        {
            reachable = false,
            endpoint = "https://sts.us-east-1.amazonaws.com",
            error = "AccessDenied: User: arn:aws:sts::123456789012:assumed-role/foremast/x is not authorized; key AKIAIOSFODNN7EXAMPLE",
        }));

        var response = await check.HandleAsync(
            _ => throw new InvalidOperationException("Server failed to authenticate the request (AccountKey=c2VjcmV0;EndpointSuffix=core.windows.net)\nRetry 1 …"),
            CancellationToken.None);

        var body = response.ReadJson();
        Assert.Equal(503, response.Status);
        Assert.Equal("Server failed to authenticate the request (AccountKey=***;EndpointSuffix=core.windows.net)", body.GetProperty("storage").GetString());
        Assert.Equal("AccessDenied: User: arn:aws:sts::***:assumed-role/foremast/x is not authorized; key ***", body.GetProperty("aws").GetProperty("error").GetString());
        Assert.Equal("https://sts.us-east-1.amazonaws.com", body.GetProperty("aws").GetProperty("endpoint").GetString());
        Assert.Equal("Hub202611301234", body.GetProperty("taskHub").GetString());
        Assert.DoesNotContain("c2VjcmV0", response.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storage_decides_the_status_whatever_aws_says()
    {
        var check = new HealthCheck(new HealthTarget("ForemastHub", "w1", DryRun: true), () => Task.FromResult<object>(new { reachable = false, error = "no answer within 3 s" }));

        var response = await check.HandleAsync(_ => Task.CompletedTask, CancellationToken.None);

        var body = response.ReadJson();
        Assert.Equal((200, "healthy", "w1"), (response.Status, body.GetProperty("status").GetString(), body.GetProperty("worker").GetString()));
        Assert.False(body.GetProperty("aws").GetProperty("reachable").GetBoolean());
    }
}
