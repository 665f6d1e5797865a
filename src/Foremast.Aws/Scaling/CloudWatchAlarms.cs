using Foremast.Aws.Http;

namespace Foremast.Aws.Scaling;

/// <summary>The CloudWatch alarm calls (2010-08-01 over the Query client; no SDK package on the feed), SDK method names.</summary>
public sealed class CloudWatchAlarms(AwsQueryClient query)
{
    public async Task<IReadOnlyList<MetricAlarm>> DescribeAlarmsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        if (names.Count == 0) return [];
        var result = new List<MetricAlarm>();
        foreach (var chunk in names.Chunk(100))
        {
            var page = await query.CallAsync("DescribeAlarms", new QueryParameters().List("AlarmNames.member", chunk).Set("MaxRecords", 100), cancellationToken).ConfigureAwait(false);
            result.AddRange(page.Members("MetricAlarms").Select(MetricAlarm.Parse));
        }

        return result;
    }

    public Task PutMetricAlarmAsync(MetricAlarm alarm, string description, CancellationToken cancellationToken) =>
        query.CallAsync("PutMetricAlarm", new QueryParameters()
            .Set("AlarmName", alarm.AlarmName)
            .Set("AlarmDescription", description)
            .Set("MetricName", alarm.MetricName)
            .Set("Namespace", alarm.Namespace)
            .Set("Statistic", alarm.Statistic)
            .Set("Period", alarm.Period)
            .Set("EvaluationPeriods", alarm.EvaluationPeriods)
            .Set("Threshold", alarm.Threshold)
            .Set("ComparisonOperator", alarm.ComparisonOperator)
            .List("Dimensions.member", alarm.Dimensions, (p, prefix, d) => p.Set(prefix + "Name", d.Key).Set(prefix + "Value", d.Value))
            .List("AlarmActions.member", alarm.AlarmActions), cancellationToken);

    public Task DeleteAlarmsAsync(IEnumerable<string> names, CancellationToken cancellationToken) =>
        query.CallAsync("DeleteAlarms", new QueryParameters().List("AlarmNames.member", names), cancellationToken);
}
