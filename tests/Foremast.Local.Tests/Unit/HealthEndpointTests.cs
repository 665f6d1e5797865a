using System.Reflection;
using DurableTask.Core;
using Foremast.Local.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Foremast.Local.Tests.Unit;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Unreachable_storage_answers_503_with_the_reason_and_without_the_connection_string()
    {
        var storage = DispatchProxy.Create<IOrchestrationServiceClient, UnreachableStorage>();
        var options = Options.Create(new LocalEngineOptions { TaskHub = "HealthHub", StorageConnectionString = "AccountName=x;AccountKey=secret" });

        var result = await HealthEndpoint.HandleAsync(storage, options, new ServiceCollection().BuildServiceProvider(), CancellationToken.None);

        var json = Assert.IsType<JsonHttpResult<HealthReport>>(result);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, json.StatusCode);
        Assert.Equal(("unhealthy", "HealthHub"), (json.Value!.Status, json.Value.TaskHub));
        Assert.Contains("connection refused", json.Value.Storage, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", json.Value.Storage, StringComparison.Ordinal);
        Assert.Equal("not configured", json.Value.Aws!.Reachable);
    }

    /// <summary>Every storage call fails the way the Azure SDK does when nothing listens on the port.</summary>
    public class UnreachableStorage : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            throw new IOException("connection refused (127.0.0.1:10002)");
    }
}
