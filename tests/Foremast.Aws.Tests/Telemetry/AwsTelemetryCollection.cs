namespace Foremast.Aws.Tests.Telemetry;

/// <summary>The meter is process-wide: these tests run alone so their measurements are their own calls'.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AwsTelemetryCollection
{
    public const string Name = "aws-telemetry";
}
