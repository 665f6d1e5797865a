namespace Foremast.Core.Plan;

/// <summary>Retry policy of a stage's activity: attempts include the first one.</summary>
public sealed record RetrySpec(int MaxAttempts, TimeSpan FirstDelay, double BackoffCoefficient, TimeSpan MaxDelay)
{
    public static readonly RetrySpec None = new(1, TimeSpan.Zero, 1, TimeSpan.Zero);

    public static RetrySpec Transient(int attempts = 3) => new(attempts, TimeSpan.FromSeconds(2), 2, TimeSpan.FromMinutes(1));
}

/// <summary>
/// One stage kind: how it is named, what executes it, how long it may take, how it is retried, what failure means,
/// and which template renders its Spinnaker stage. The durable orchestration and the Spinnaker generator read the same definition.
/// </summary>
/// <param name="NameFormat">With <c>{env}</c>, <c>{ENV}</c>, <c>{region}</c> and <c>{name}</c> placeholders.</param>
/// <param name="Executor">The activity (or sub-orchestration) that runs the stage.</param>
/// <param name="SpinnakerTemplate">The stage template under <c>templates/pipeline/</c>.</param>
public sealed record StageDefinition(
    StageKind Kind,
    string NameFormat,
    string Executor,
    string SpinnakerTemplate,
    TimeSpan Timeout,
    RetrySpec Retry,
    FailureAction OnFailure,
    bool IsBranch = false)
{
    public string NameFor(string? env, string region, string? hookName = null) => NameFormat
        .Replace("{env}", env ?? "", StringComparison.Ordinal)
        .Replace("{ENV}", env?.ToUpperInvariant() ?? "", StringComparison.Ordinal)
        .Replace("{region}", region, StringComparison.Ordinal)
        .Replace("{name}", hookName ?? "", StringComparison.Ordinal);
}
