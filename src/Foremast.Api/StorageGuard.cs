using System.Globalization;
using Foremast.Api.Approvals;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Foremast.Api;

/// <summary>
/// Runs every API route so that a storage outage gets a quick, plain answer: 503 with a one-line reason and
/// <c>Retry-After</c> (HTML for browsers, JSON otherwise) instead of a 500 with an empty body after the storage SDK's
/// retries, and one log line when storage goes away and one when it is back instead of a stack trace per request.
/// Storage is asked directly (a cheap instance lookup with a short budget) whenever a route fails or is slow, so a
/// handler's own failure is told apart from an outage.
/// </summary>
public sealed class StorageGuard(StorageHealth health, ApprovalPages pages, ILogger logger)
{
    /// <summary>A route still busy after this long has storage probed beside it (the approval wait legitimately takes longer).</summary>
    public static readonly TimeSpan SlowAfter = TimeSpan.FromSeconds(2);

    /// <summary>Long enough for a busy but working storage account (or an overloaded machine) to answer one lookup.</summary>
    public static readonly TimeSpan ProbeBudget = TimeSpan.FromSeconds(5);

    private const string ProbeInstance = "foremast-storage-probe";

    public async Task<ApiResponse> RunAsync(ApiRequest request, DurableTaskClient client, Func<CancellationToken, Task<ApiResponse>> route, CancellationToken cancellationToken)
    {
        if (health.IsDown)
        {
            // Nobody waits for storage while it is down: one background probe at a time notices when it is back.
            ProbeInBackground(client);
            return Unavailable(request);
        }

        using var handlerCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slowTimer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var handling = route(handlerCancel.Token);
        try
        {
            var slow = Task.Delay(SlowAfter, slowTimer.Token);
            if (await Task.WhenAny(handling, slow) == slow && await ProbeAsync(client, cancellationToken) is { } failure)
            {
                handlerCancel.Cancel();
                // Observed here so the abandoned handler's storage exception is not reported as unobserved later.
                _ = handling.ContinueWith(static t => t.Exception, TaskScheduler.Default);
                Down(failure);
                return Unavailable(request);
            }

            slowTimer.Cancel();
            return await handling;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            if (await ProbeAsync(client, cancellationToken) is { } failure)
            {
                Down(failure);
                return Unavailable(request);
            }

            logger.LogError(e, "{Method} request failed", request.Method);
            return ApiResponse.Error(500, "internal error; the engine's log has the details");
        }
    }

    /// <summary>While storage is down, tries it again at most every <see cref="StorageHealth.ProbeInterval"/>, one probe at a time.</summary>
    private void ProbeInBackground(DurableTaskClient client)
    {
        if (!health.TryBeginProbe()) return;
        _ = Task.Run(async () =>
        {
            try
            {
                if (await ProbeAsync(client, CancellationToken.None) is { } failure) Down(failure);
                else Up();
            }
            finally
            {
                health.EndProbe();
            }
        });
    }

    /// <returns>Null when storage answered; else why not, in one line.</returns>
    private static async Task<string?> ProbeAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        try
        {
            await client.GetInstanceAsync(ProbeInstance, getInputsAndOutputs: false, cancellationToken).WaitAsync(ProbeBudget, cancellationToken);
            return null;
        }
        catch (TimeoutException)
        {
            return string.Create(CultureInfo.InvariantCulture, $"no answer within {ProbeBudget.TotalSeconds:0} s");
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return StorageHealth.OneLine(e.Message);
        }
    }

    /// <summary>Records a failed probe; logs one warning when storage was up until now, debug otherwise.</summary>
    public static void ReportDown(StorageHealth health, ILogger logger, string reason)
    {
        if (health.ReportDown(reason)) logger.LogWarning("Task hub storage is unreachable ({Reason}); the HTTP API answers 503 until it is back", StorageHealth.OneLine(reason));
        else logger.LogDebug("Task hub storage still unreachable: {Reason}", reason);
    }

    /// <summary>Records a successful probe; logs one warning when storage was down until now.</summary>
    public static void ReportUp(StorageHealth health, ILogger logger)
    {
        if (health.ReportUp() is { } downtime) logger.LogWarning("Task hub storage is reachable again after {Seconds:0.#} s", downtime.TotalSeconds);
    }

    private void Down(string reason) => ReportDown(health, logger, reason);

    private void Up() => ReportUp(health, logger);

    private ApiResponse Unavailable(ApiRequest request)
    {
        var retry = ((int)StorageHealth.ProbeInterval.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var message = $"The task hub storage is unreachable ({health.Reason}); try again in {retry} s.";
        logger.LogDebug("{Method} answered 503: storage unreachable", request.Method);
        var response = WantsHtml(request) ? pages.Result(503, "Service unavailable", message) : ApiResponse.Error(503, message);
        return response with { Headers = new Dictionary<string, string>(response.Headers) { ["Retry-After"] = retry } };
    }

    private static bool WantsHtml(ApiRequest request) => request.Header("Accept")?.Contains("text/html", StringComparison.OrdinalIgnoreCase) ?? false;
}
