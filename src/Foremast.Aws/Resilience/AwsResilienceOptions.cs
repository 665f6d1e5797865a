namespace Foremast.Aws.Resilience;

/// <summary>The one retry policy of every AWS call (<c>Foremast:Aws:Retry</c>).</summary>
public sealed class AwsResilienceOptions
{
    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetries { get; set; } = 6;

    /// <summary>Median first delay of the decorrelated-jitter backoff.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(400);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long one attempt may take before it counts as a timeout (and is retried).</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
