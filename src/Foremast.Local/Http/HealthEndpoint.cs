using DurableTask.Core;
using Foremast.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Foremast.Local.Http;

/// <summary><c>GET /api/health</c>: 200 when the task hub's storage answers, 503 with the reason when it does not.</summary>
internal static class HealthEndpoint
{
    public const string Route = "/api/health";

    // As short as the API's own storage probe: a health check must answer quickly exactly when storage does not.
    private static readonly TimeSpan Budget = StorageGuard.ProbeBudget;

    public static async Task<IResult> HandleAsync(IOrchestrationServiceClient storage, IOptions<LocalEngineOptions> options, CancellationToken cancellationToken)
    {
        var o = options.Value;
        try
        {
            // A lookup of an id that never exists reads the hub's instance table: cheap, and it fails when storage is down.
            await storage.GetOrchestrationStateAsync("foremast-health-probe", allExecutions: false).WaitAsync(Budget, cancellationToken);
            return Results.Ok(new HealthReport("healthy", "reachable", o.TaskHub, o.RunWorker ? o.EffectiveWorkerId : null, o.DryRun));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = e is TimeoutException ? $"no answer within {Budget.TotalSeconds:0} s" : e.Message;
            return Results.Json(new HealthReport("unhealthy", reason, o.TaskHub, null, o.DryRun), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
