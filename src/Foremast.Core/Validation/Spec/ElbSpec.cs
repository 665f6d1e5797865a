using static Foremast.Core.Validation.Spec.Keys;

namespace Foremast.Core.Validation.Spec;

/// <summary>The <c>elb</c> block (reference §5.3) plus the new <c>elb.type</c> that selects an ELBv2 load balancer.</summary>
public static class ElbSpec
{
    public const string Classic = "classic";
    public const string Application = "application";
    public const string Network = "network";

    /// <summary>Listener protocols each kind of load balancer supports.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ProtocolsByType = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Classic] = ["HTTP", "HTTPS", "TCP", "SSL"],
        [Application] = ["HTTP", "HTTPS"],
        [Network] = ["TCP", "TLS", "UDP", "TCP_UDP"],
    };

    internal static SpecNode Block { get; } = Obj(
        "load balancer settings",
        ("type", OneOf("load balancer kind: classic (default), or application/network for an ELBv2 load balancer", Classic, Application, Network)),
        ("subnet_purpose", OneOf("internal or internet-facing", "internal", "external")),
        ("target", Formatted(StringFormat.HealthTarget, "health check target")),
        ("health", Obj(
            "health check timing",
            ("interval", Int("seconds between checks", 5, 300)),
            ("threshold", Int("healthy threshold", 2, 10)),
            ("timeout", Int("check timeout in seconds", 2, 120)),
            ("unhealthy_threshold", Int("unhealthy threshold", 2, 10)))),
        ("ports", List("listeners; when present they replace i_port, i_proto, lb_port and lb_proto", Listener())),
        ("i_port", Int("legacy listener: instance port", 1, 65535)),
        ("i_proto", OneOfAnyCase("legacy listener: instance protocol", StringFormat.ListenerProtocols.ToArray())),
        ("lb_port", Int("legacy listener: load balancer port", 1, 65535)),
        ("lb_proto", OneOfAnyCase("legacy listener: load balancer protocol", StringFormat.ListenerProtocols.ToArray())),
        ("certificate", Str("legacy listener: certificate name or ARN", nullable: true)),
        ("policies", Strings("legacy listener policies")),
        ("listener_policies", Strings("legacy listener policies")),
        ("backend_policies", Strings("legacy backend policies")),
        ("idle_timeout", Int("idle timeout in seconds (AWS default 60)", 1, 4000, nullable: true)),
        ("connection_draining_timeout", Int("connection draining timeout in seconds (null: disabled)", 1, 3600, nullable: true)),
        ("access_log", Obj(
            "access logs; {} for none",
            ("bucket_name", Str("log bucket")),
            ("bucket_prefix", Str("key prefix")),
            ("emit_interval", Int("minutes between log files (5 or 60)", 5, 60))).RequiresUnlessEmpty("bucket_name", "bucket_prefix", "emit_interval")));

    private static SpecNode Listener() => Obj(
        "a listener",
        ("loadbalancer", Formatted(StringFormat.Listener, "load balancer end, PROTO:PORT")),
        ("instance", Formatted(StringFormat.Listener, "instance end, PROTO:PORT")),
        ("certificate", Str("certificate name or ARN", nullable: true)),
        ("policies", Strings("listener policies")),
        ("listener_policies", Strings("listener policies")),
        ("backend_policies", Strings("backend policies")),
        ("stickiness", Obj(
            "sticky sessions",
            ("type", OneOf("app: application cookie; elb: load balancer cookie", "app", "elb")),
            ("cookie_name", Str("application cookie name")),
            ("cookie_ttl", Int("load balancer cookie lifetime in seconds", 1))).Requires("type"))).Requires("loadbalancer", "instance");
}
