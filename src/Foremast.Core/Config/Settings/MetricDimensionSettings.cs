namespace Foremast.Core.Config.Settings;

/// <summary>A CloudWatch dimension of a custom scaling metric; <c>$self</c> as value means the server group.</summary>
public sealed record MetricDimensionSettings(string Name, string Value)
{
    public const string Self = "$self";
}
