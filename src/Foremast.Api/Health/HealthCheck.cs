using System.Globalization;
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
        // Started first so AWS and storage are asked side by side: the answer takes the slower of the two budgets, not their sum.
        var awsCheck = aws();
        var failure = await StorageFailureAsync(lookup, cancellationToken);
        var awsField = Masked(await awsCheck);
        var report = failure is null
            ? new HealthReport("healthy", "reachable", target.TaskHub, target.Worker, target.DryRun, awsField)
            : new HealthReport("unhealthy", failure, target.TaskHub, null, target.DryRun, awsField);
        return ApiResponse.Json(failure is null ? 200 : 503, report, new Dictionary<string, string> { ["Cache-Control"] = "no-store" });
    }

    /// <returns>Null when storage answered within the budget; else why not, one line, masked.</returns>
    private static async Task<string?> StorageFailureAsync(Func<CancellationToken, Task> lookup, CancellationToken cancellationToken)
    {
        try
        {
            await Observed(Start(lookup, cancellationToken)).WaitAsync(Budget, cancellationToken);
            return null;
        }
        catch (TimeoutException)
        {
            return string.Create(CultureInfo.InvariantCulture, $"no answer within {Budget.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The reason is another library's message, and the route is anonymous on the Functions app.
            return SecretMask.Apply(StorageHealth.OneLine(e.Message));
        }
    }

    /// <summary>
    /// The AWS field as JSON with its text masked: its error is another library's message, and the route is anonymous on
    /// the Functions app. Only the reasons are masked; the host's own names (task hub, worker) are shown as configured.
    /// </summary>
    private static JsonElement Masked(object aws) =>
        JsonDocument.Parse(SecretMask.Apply(JsonSerializer.Serialize(aws, aws.GetType(), ApiJson.Options))).RootElement.Clone();

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
