namespace Foremast.Workflows.Tests.Http;

/// <summary>
/// The HTTP API test classes run one after another (each still has its own host), after the parallel workflow tests:
/// together they start dozens of dry runs, and beside the timing-sensitive workflow tests on 2 cores they made those
/// miss their windows (health polling counts, the notification that follows an open gate).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HttpCollection
{
    public const string Name = "http-api";
}
