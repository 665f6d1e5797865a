using System.Net;
using Foremast.Aws.Safety;
using Foremast.Workflows.Telemetry;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Foremast.Aws.Resilience;

/// <summary>
/// Builds the resilience pipeline every AWS request goes through: decorrelated-jitter retries (Polly's exponential backoff with
/// jitter) on throttling, 5xx, 408/429, timeouts and dropped connections, around a per-attempt timeout.
/// </summary>
public static class AwsResilience
{
    /// <summary>The call being retried, when the handler chain classified it (the guard runs above the retry handler).</summary>
    public static readonly ResiliencePropertyKey<AwsCall> CallProperty = new("Foremast.Aws.Call");

    public static ResiliencePipeline<HttpResponseMessage> Build(AwsResilienceOptions options, ILogger logger) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => args.Outcome switch
                {
                    { Exception: HttpRequestException or TimeoutRejectedException or IOException } => ValueTask.FromResult(true),
                    { Exception: OperationCanceledException } => ValueTask.FromResult(!args.Context.CancellationToken.IsCancellationRequested),
                    { Result: { } response } => IsRetryableAsync(response, args.Context.CancellationToken),
                    _ => ValueTask.FromResult(false),
                },
                OnRetry = args =>
                {
                    var reason = args.Outcome.Exception?.GetType().Name ?? ((int?)args.Outcome.Result?.StatusCode)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown";
                    args.Context.Properties.TryGetValue(CallProperty, out var call);
                    ForemastTelemetry.AwsRetries.Add(1,
                        new(ForemastTelemetry.AwsServiceTag, call?.Service ?? "unknown"),
                        new(ForemastTelemetry.AwsOperationTag, call?.Operation ?? "unknown"),
                        new(ForemastTelemetry.AwsRetryReasonTag, reason));
                    logger.LogDebug("AWS call retried (attempt {Attempt}) after {Outcome}", args.AttemptNumber + 1,
                        args.Outcome.Exception?.GetType().Name ?? ((int?)args.Outcome.Result?.StatusCode)?.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.CallTimeout)
            .Build();

    private static async ValueTask<bool> IsRetryableAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (AwsRetryClassifier.IsRetryableStatus(response.StatusCode)) return true;
        if (response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.Forbidden)) return false;
        // Buffered so the caller can still read the error body when it is final.
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        return AwsRetryClassifier.IsThrottlingBody(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
    }
}
