using Foremast.Spinnaker.Gate;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Foremast.Workflows.Pipelines;

/// <summary>The engine's Gate HttpClient: TLS from the Gate options, the standard resilience handler tuned to them.</summary>
public static class GateHttp
{
    /// <param name="gate">The host's Gate options; null when no Gate is configured (then the client is never used).</param>
    public static IHttpClientBuilder AddGateHttpClient(this IServiceCollection services, Func<IServiceProvider, GateOptions?> gate)
    {
        var builder = services.AddHttpClient(GatePublisher.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => gate(sp) is { } options ? GateHttpHandlerFactory.Create(options) : new SocketsHttpHandler());
        builder.AddStandardResilienceHandler().Configure((resilience, sp) => Configure(resilience, gate(sp)));
        return builder;
    }

    /// <summary>
    /// Gate's retry rules (<see cref="GateResilience.IsTransient"/>: no retry of a 4xx or a failed TLS handshake) and its
    /// per-attempt timeout, retries and backoff, on the standard handler.
    /// </summary>
    public static void Configure(HttpStandardResilienceOptions resilience, GateOptions? gate)
    {
        if (gate is null) return;
        resilience.AttemptTimeout.Timeout = gate.Timeout;
        resilience.Retry.MaxRetryAttempts = Math.Max(1, gate.MaxRetries);
        resilience.Retry.ShouldHandle = args => ValueTask.FromResult(gate.MaxRetries > 0 && GateResilience.IsTransient(args.Outcome));
        resilience.Retry.BackoffType = DelayBackoffType.Exponential;
        resilience.Retry.UseJitter = true;
        resilience.Retry.Delay = gate.RetryBaseDelay;
        resilience.Retry.MaxDelay = gate.RetryMaxDelay;

        // Every attempt may take the full attempt timeout and every pause the longest delay; the options validator
        // also wants the breaker's window at least twice the attempt timeout.
        var attempts = gate.MaxRetries + 1;
        resilience.TotalRequestTimeout.Timeout = gate.Timeout * attempts + gate.RetryMaxDelay * gate.MaxRetries + TimeSpan.FromSeconds(1);
        resilience.CircuitBreaker.SamplingDuration = gate.Timeout * 2 + TimeSpan.FromSeconds(1);
    }
}
