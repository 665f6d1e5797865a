using System.Net;
using System.Security.Authentication;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Foremast.Spinnaker.Gate;

/// <summary>
/// Retry with jittered exponential backoff around a per-attempt timeout. Only failures that a later attempt can fix
/// are retried: 5xx, 408, 429, connection errors and timeouts. A 4xx is Gate saying no, so it is never retried;
/// neither is a TLS handshake failure (the certificate will not change between attempts).
/// </summary>
public static class GateResilience
{
    public static ResiliencePipeline<HttpResponseMessage> Create(GateOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options.RetryMaxDelay)),
                OnRetry = args =>
                {
                    // The failed response is dropped; free its connection for the next attempt.
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(options.Timeout);
        return builder.Build();
    }

    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException e } => !IsTlsFailure(e),
        { Exception: TimeoutRejectedException } => true,
        { Result: { } response } => IsTransient(response.StatusCode),
        _ => false,
    };

    public static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    public static bool IsTlsFailure(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is AuthenticationException) return true;
        }

        return false;
    }

    /// <summary>Honours a server's Retry-After (429/503) up to the max delay; null keeps the jittered backoff.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan max)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null) return null;
        var wait = header.Delta ?? (header.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (wait is not { } w || w <= TimeSpan.Zero) return null;
        return w < max ? w : max;
    }
}
