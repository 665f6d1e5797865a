using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.DurableTask.Client;

namespace Foremast.Api.Health;

/// <summary>
/// <c>GET /api/health</c> for both hosts: 200 when the task hub's storage answers one cheap lookup within
/// <see cref="Budget"/>, 503 with the reason when it does not. The host's AWS check is reported beside it and never
/// changes the answer. It is not one of <see cref="ApiRoutes.All"/>: those run behind <see cref="StorageGuard"/>, whose
/// 503 would hide the report exactly when it matters.
/// </summary>
/// <param name="aws">The host's AWS check; whatever it returns is the <c>aws</c> field (it must not throw).</param>
public sealed class HealthCheck(HealthTarget target, Func<Task<object>> aws)
{
    /// <summary>An instance id no run ever has: looking it up reads the hub's instance table and nothing else.</summary>
    public const string ProbeInstance = "foremast-health-probe";

    /// <summary>As short as the API's own storage probe: a health check must answer quickly exactly when storage does not.</summary>
    public static readonly TimeSpan Budget = StorageGuard.ProbeBudget;

    /// <summary>What this host reports about itself.</summary>
    public HealthTarget Target => target;

    /// <summary>Asks storage through the host's <see cref="DurableTaskClient"/> (the Functions app's reaches the host's task hub).</summary>
    public Task<ApiResponse> HandleAsync(DurableTaskClient client, CancellationToken cancellationToken) =>
        HandleAsync(ct => client.GetInstanceAsync(ProbeInstance, getInputsAndOutputs: false, ct), cancellationToken);

    /// <param name="lookup">
    /// One read of the task hub's storage that fails when storage does. The local engine reads its storage provider
    /// directly, so the reason is the storage error itself rather than its in-process gRPC wrapper.
    /// </param>
    public async Task<ApiResponse> HandleAsync(Func<CancellationToken, Task> lookup, CancellationToken cancellationToken)
    {
        var awsCheck = aws();
        int status;
        HealthReport report;
        try
        {
            await Observed(Start(lookup, cancellationToken)).WaitAsync(Budget, cancellationToken);
            status = 200;
            report = new HealthReport("healthy", "reachable", target.TaskHub, target.Worker, target.DryRun, await awsCheck);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = e is TimeoutException
                ? string.Create(CultureInfo.InvariantCulture, $"no answer within {Budget.TotalSeconds:0} s")
                : StorageHealth.OneLine(e.Message);
            status = 503;
            report = new HealthReport("unhealthy", reason, target.TaskHub, null, target.DryRun, await awsCheck);
        }

        // Masked as a whole: the reasons are other libraries' messages, and the route is anonymous on the Functions app.
        var json = SecretMask.Apply(JsonSerializer.Serialize(report, ApiJson.Options));
        return new ApiResponse(status, ApiResponse.JsonType, Encoding.UTF8.GetBytes(json), new Dictionary<string, string> { ["Cache-Control"] = "no-store" });
    }

    /// <summary>A lookup that throws before its first await fails the check like one that fails later.</summary>
    private static Task Start(Func<CancellationToken, Task> lookup, CancellationToken cancellationToken)
    {
        try
        {
            return lookup(cancellationToken);
        }
        catch (Exception e)
        {
            return Task.FromException(e);
        }
    }

    /// <summary>A lookup abandoned at the budget may still fail later; observed here so that is not reported as unobserved.</summary>
    private static Task Observed(Task lookup)
    {
        _ = lookup.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return lookup;
    }
}
