using DurableTask.Core;
using Foremast.Api;
using Foremast.Api.Health;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Foremast.Local.Http;

/// <summary>
/// <c>GET /api/health</c> on the local engine: the shared <see cref="HealthCheck"/>, asking the storage provider itself
/// rather than the in-process gRPC client, so an outage's reason is the storage error and not its gRPC wrapper.
/// </summary>
internal static class HealthEndpoint
{
    public const string Route = "/" + ApiRoutes.Prefix + ApiRoutes.HealthPath;

    public static async Task HandleAsync(HttpContext http)
    {
        var health = http.RequestServices.GetRequiredService<HealthCheck>();
        var storage = http.RequestServices.GetRequiredService<IOrchestrationServiceClient>();
        var response = await health.HandleAsync(_ => storage.GetOrchestrationStateAsync(HealthCheck.ProbeInstance, allExecutions: false), http.RequestAborted);
        await ApiEndpoints.WriteAsync(http, response);
    }
}
