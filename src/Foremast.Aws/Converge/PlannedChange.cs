namespace Foremast.Aws.Converge;

/// <summary>
/// One difference between the live account and the config, with the call(s) that remove it. A dry run only reads the
/// descriptions; a real run applies them in order. Computing the plan is the same code path either way.
/// </summary>
/// <param name="Description">What differs, for the change line (<c>listener HTTP:80 added</c>).</param>
/// <param name="Apply">The mutating call(s); never invoked in a dry run.</param>
public sealed record PlannedChange(string Description, Func<CancellationToken, Task> Apply);
