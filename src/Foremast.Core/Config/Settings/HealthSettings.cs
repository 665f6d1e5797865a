namespace Foremast.Core.Config.Settings;

/// <summary>The <c>elb.health</c> block: health check timing (Foremast's defaults 20 s, 2 healthy, 10 s, 5 unhealthy).</summary>
/// <param name="Threshold">Healthy threshold.</param>
public sealed record HealthSettings(int Interval = 20, int Threshold = 2, int Timeout = 10, int UnhealthyThreshold = 5)
{
    public static readonly HealthSettings Default = new();
}
