using System.Globalization;
using System.Xml.Linq;
using Foremast.Aws.Http;

namespace Foremast.Aws.Scaling;

/// <summary>A CloudWatch alarm that triggers a step policy (SDK <c>MetricAlarm</c> shape).</summary>
/// <param name="AlarmActions">The policy ARN(s) it triggers.</param>
public sealed record MetricAlarm(
    string AlarmName,
    string MetricName,
    string Namespace,
    string Statistic,
    int Period,
    int EvaluationPeriods,
    double Threshold,
    string ComparisonOperator,
    IReadOnlyList<KeyValuePair<string, string>> Dimensions,
    IReadOnlyList<string> AlarmActions)
{
    public bool SameAs(MetricAlarm live) =>
        MetricName == live.MetricName && Namespace == live.Namespace && Statistic == live.Statistic && Period == live.Period
        && EvaluationPeriods == live.EvaluationPeriods && Threshold.Equals(live.Threshold) && ComparisonOperator == live.ComparisonOperator
        && Dimensions.OrderBy(d => d.Key).SequenceEqual(live.Dimensions.OrderBy(d => d.Key))
        && AlarmActions.Order().SequenceEqual(live.AlarmActions.Order());

    public static MetricAlarm Parse(XElement m) => new(
        m.Value("AlarmName") ?? "",
        m.Value("MetricName") ?? "",
        m.Value("Namespace") ?? "",
        m.Value("Statistic") ?? "",
        int.TryParse(m.Value("Period"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : 0,
        int.TryParse(m.Value("EvaluationPeriods"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var e) ? e : 0,
        double.TryParse(m.Value("Threshold"), NumberStyles.Float, CultureInfo.InvariantCulture, out var t) ? t : 0,
        m.Value("ComparisonOperator") ?? "",
        m.Members("Dimensions").Select(d => new KeyValuePair<string, string>(d.Value("Name") ?? "", d.Value("Value") ?? "")).ToList(),
        m.Members("AlarmActions").Select(a => a.Value).ToList());
}
