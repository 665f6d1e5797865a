using Foremast.Aws.Http;
using Foremast.Core.Config.Aws;

namespace Foremast.Aws.Health;

/// <summary>
/// Whether AWS answers with this host's base credentials: one STS GetCallerIdentity (free, needs no permission) with a short
/// budget, remembered for <see cref="CacheFor"/> so a health probe every few seconds costs one call per interval. Health
/// reports it as a field only: the engine stays healthy (its storage decides) while AWS is unreachable.
/// </summary>
/// <param name="budget">How long the probe may take, retries included; 3 s unless a test needs a cold moto's first answer.</param>
public sealed class AwsReachability(AwsClientBuilder clients, AwsOptions options, TimeProvider? time = null, TimeSpan? budget = null)
{
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(3);

    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly TimeSpan _budget = budget ?? DefaultBudget;
    private readonly Lock _gate = new();
    private (Task<AwsReachabilityReport> Check, DateTimeOffset At)? _last;

    /// <summary>The <c>aws</c> field of a host's health report: this check when the host wires AWS, else "not configured".</summary>
    public static Func<Task<object>> HealthField(AwsReachability? reachability) =>
        reachability is null ? () => Task.FromResult<object>(AwsReachabilityReport.NotConfigured) : async () => await reachability.CheckAsync().ConfigureAwait(false);

    public Task<AwsReachabilityReport> CheckAsync()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_last is { } last && (!last.Check.IsCompleted || now - last.At < CacheFor)) return last.Check;
            var check = ProbeAsync();
            _last = (check, now);
            return check;
        }
    }

    private async Task<AwsReachabilityReport> ProbeAsync()
    {
        // Not an env of any run: no aws.accounts entry applies, so the base credentials (web identity or the SDK chain) answer.
        var target = new AwsTarget("default", options.DefaultRegion, ReadOnly: true, AwsSettings.Empty);
        var endpoint = new AwsEndpoints(options.EndpointUrl).Resolve(AwsService.Sts, options.DefaultRegion).ToString().TrimEnd('/');
        using var timeout = new CancellationTokenSource(_budget);
        try
        {
            await clients.Query(AwsService.Sts, target).CallAsync("GetCallerIdentity", null, timeout.Token).ConfigureAwait(false);
            return new AwsReachabilityReport(true, endpoint);
        }
        catch (OperationCanceledException)
        {
            return new AwsReachabilityReport(false, endpoint, $"no answer within {_budget.TotalSeconds:0} s");
        }
        catch (Exception e)
        {
            // Anything else too (credential resolution, a signer error): health reports it and never throws.
            var line = e is AwsServiceException aws ? $"{aws.Code}: {aws.AwsMessage}" : e.Message;
            return new AwsReachabilityReport(false, endpoint, line.ReplaceLineEndings(" "));
        }
    }
}
