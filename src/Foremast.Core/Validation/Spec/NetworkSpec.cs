using static Foremast.Core.Validation.Spec.Keys;

namespace Foremast.Core.Validation.Spec;

/// <summary>Security groups and DNS (reference §5.4).</summary>
internal static class NetworkSpec
{
    public static SpecNode SecurityGroup { get; } = Obj(
        "the application's security group",
        ("description", Str("security group description")),
        ("egress", Str("not used by Foremast")),
        ("elb_extras", Strings("extra security groups on the load balancer")),
        ("instance_extras", Strings("extra security groups on the instances")),
        ("ingress", Map(
            "ingress rules: source (security group name, CIDR or $self) → rules",
            List("rules from this source", IngressRule()))));

    public static SpecNode SecurityGroups { get; } = Obj(
        "extra security groups by resource kind",
        ("lambda_extras", Strings("extra security groups for VPC Lambdas")));

    public static SpecNode Dns { get; } = Obj(
        "DNS records",
        ("ttl", Int("CNAME TTL in seconds")),
        ("failover_dns", Bool("with several regions: failover alias on the global name")),
        ("region_specific", Bool("with one region: also a region-specific record")));

    /// <summary>A rule is a bare TCP port or an object; one node holds both shapes so a schema needs no oneOf.</summary>
    private static SpecNode IngressRule() => Obj(
        "a TCP port, or {start_port, end_port, protocol, env}",
        ("start_port", Int("first port (-1: all, for protocol -1 or ICMP)", -1, 65535)),
        ("end_port", Int("last port", -1, 65535)),
        ("protocol", OneOfAnyCase("tcp, udp, icmp, or -1 (all protocols; \"all\" is the same)", "tcp", "udp", "icmp", "-1", "all")),
        ("env", Str("env (account) of the source, for cross-account rules")))
        .Requires("start_port", "end_port")
        .Or(JsonTypes.Integer, -1, 65535)
        .Expecting("a port number from -1 to 65535 or an object {start_port, end_port, protocol, env}");
}
