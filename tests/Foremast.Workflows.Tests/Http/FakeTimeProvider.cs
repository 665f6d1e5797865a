namespace Foremast.Workflows.Tests.Http;

/// <summary>Real time unless a test moves it: token expiry is checked against this clock, gate expiry against the orchestration's.</summary>
public sealed class FakeTimeProvider : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + Offset;
}
