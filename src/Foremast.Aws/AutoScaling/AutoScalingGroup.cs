using System.Globalization;
using System.Xml.Linq;
using Foremast.Aws.Http;

namespace Foremast.Aws.AutoScaling;

/// <summary>What the engine reads of an Auto Scaling group (shaped after the SDK's <c>AutoScalingGroup</c>).</summary>
/// <param name="Status">Null normally; <c>Delete in progress</c> while a delete runs.</param>
public sealed record AutoScalingGroup(
    string AutoScalingGroupName,
    int MinSize,
    int MaxSize,
    int DesiredCapacity,
    string? LaunchTemplateName,
    IReadOnlyList<string> LoadBalancerNames,
    IReadOnlyList<string> TargetGroupARNs,
    IReadOnlyList<AsgInstance> Instances,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<string> SuspendedProcesses,
    string? Status,
    string HealthCheckType)
{
    public bool BeingDeleted => Status is not null && Status.StartsWith("Delete", StringComparison.OrdinalIgnoreCase);

    public static AutoScalingGroup Parse(XElement member) => new(
        member.Value("AutoScalingGroupName") ?? "",
        Int(member, "MinSize"),
        Int(member, "MaxSize"),
        Int(member, "DesiredCapacity"),
        member.Child("LaunchTemplate")?.Value("LaunchTemplateName"),
        member.Members("LoadBalancerNames").Select(m => m.Value).ToList(),
        member.Members("TargetGroupARNs").Select(m => m.Value).ToList(),
        member.Members("Instances").Select(i => new AsgInstance(i.Value("InstanceId") ?? "", i.Value("LifecycleState") ?? "", i.Value("HealthStatus") ?? "")).ToList(),
        member.Members("Tags").Where(t => t.Value("Key") is not null).GroupBy(t => t.Value("Key")!).ToDictionary(g => g.Key, g => g.First().Value("Value") ?? "", StringComparer.Ordinal),
        member.Members("SuspendedProcesses").Select(p => p.Value("ProcessName") ?? "").ToList(),
        member.Value("Status"),
        member.Value("HealthCheckType") ?? "EC2");

    private static int Int(XElement e, string name) => int.TryParse(e.Value(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
