namespace Foremast.Workflows.Tests.Telemetry;

/// <summary>
/// Meters and activity sources are process-wide: the telemetry tests run alone (after the parallel tests), so the
/// measurements they read come from their own runs only.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "telemetry";
}
