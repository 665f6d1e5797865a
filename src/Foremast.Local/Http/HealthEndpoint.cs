using DurableTask.Core;
using Foremast.Api;
using Microsoft.AspNetCore.Http;
using Foremast.Aws.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Foremast.Local.Http;

/// <summary>
/// <c>GET /api/health</c>: 200 when the task hub's storage answers, 503 with the reason when it does not. AWS reachability is
/// reported beside it (<see cref="AwsReachability"/>) and never changes the answer.
/// </summary>
internal static class HealthEndpoint
{
    public const string Route = "/api/health";

    // As short as the API's own storage probe: a health check must answer quickly exactly when storage does not.
    private static readonly TimeSpan Budget = StorageGuard.ProbeBudget;

    public static async Task<IResult> HandleAsync(IOrchestrationServiceClient storage, IOptions<LocalEngineOptions> options, IServiceProvider services, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var aws = services.GetService<AwsReachability>() is { } reachability ? reachability.CheckAsync() : Task.FromResult(AwsReachabilityReport.NotConfigured);
        try
        {
            // A lookup of an id that never exists reads the hub's instance table: cheap, and it fails when storage is down.
            await storage.GetOrchestrationStateAsync("foremast-health-probe", allExecutions: false).WaitAsync(Budget, cancellationToken);
            return Results.Ok(new HealthReport("healthy", "reachable", o.TaskHub, o.RunWorker ? o.EffectiveWorkerId : null, o.DryRun, await aws));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = e is TimeoutException ? $"no answer within {Budget.TotalSeconds:0} s" : e.Message;
            return Results.Json(new HealthReport("unhealthy", reason, o.TaskHub, null, o.DryRun, await aws), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
