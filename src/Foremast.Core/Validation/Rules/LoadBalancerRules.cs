using System.Text.Json.Nodes;
using Foremast.Core.Json;
using Foremast.Core.Validation.Spec;

namespace Foremast.Core.Validation.Rules;

/// <summary>
/// Load balancer settings AWS would refuse at deploy: a TLS listener without a certificate, a health check whose
/// timeout is not below its interval, a health check protocol the load balancer kind cannot use.
/// </summary>
internal sealed class LoadBalancerRules(string file, ICollection<Diagnostic> diagnostics)
{
    private static readonly string[] SecureProtocols = ["HTTPS", "SSL", "TLS"];

    /// <summary>Health check protocols per kind: an ALB target group checks over HTTP(S) only.</summary>
    private static readonly Dictionary<string, string[]> HealthProtocols = new(StringComparer.Ordinal)
    {
        [ElbSpec.Classic] = ["HTTP", "HTTPS", "TCP", "SSL"],
        [ElbSpec.Application] = ["HTTP", "HTTPS"],
        [ElbSpec.Network] = ["HTTP", "HTTPS", "TCP"],
    };

    public void Check(JsonObject doc, string path, JsonObject?[] layers)
    {
        if (doc["elb"] is not JsonObject elb) return;
        var elbPath = JsonPaths.Child(path, "elb");
        var type = Layers.Text(Layers.Effective(layers, "elb", "type")) ?? ElbSpec.Classic;
        CheckCertificates(elb, elbPath, layers);
        CheckHealth(elb, elbPath, layers, type);
        CheckTarget(elb, elbPath, layers, type);
    }

    private void CheckCertificates(JsonObject elb, string elbPath, JsonObject?[] layers)
    {
        if (elb["ports"] is JsonArray ports)
        {
            for (var i = 0; i < ports.Count; i++)
            {
                if (ports[i] is not JsonObject listener || Protocol(Layers.Text(listener["loadbalancer"])) is not { } protocol) continue;
                if (!SecureProtocols.Contains(protocol) || HasText(listener["certificate"])) continue;
                Error(JsonPaths.Index(JsonPaths.Child(elbPath, "ports"), i), $"missing required key \"certificate\": a{(protocol == "SSL" ? "n" : "")} {protocol} listener needs a certificate name or ARN");
            }

            return;
        }

        // The legacy single listener: lb_proto and certificate may come from different layers.
        if (elb["lb_proto"] is null && elb["certificate"] is null) return;
        if (Layers.EffectiveNode(layers, "elb", "ports") is JsonArray) return;
        if (Protocol(Layers.Text(Layers.Effective(layers, "elb", "lb_proto"))) is not { } legacy || !SecureProtocols.Contains(legacy)) return;
        if (HasText(Layers.Effective(layers, "elb", "certificate"))) return;
        Error(elbPath, $"missing required key \"certificate\": lb_proto {legacy} needs a certificate name or ARN");
    }

    private void CheckHealth(JsonObject elb, string elbPath, JsonObject?[] layers, string type)
    {
        var own = elb["health"] as JsonObject;
        if (own is null && elb["type"] is null) return;
        var interval = HealthValue(layers, "interval");
        var timeout = HealthValue(layers, "timeout");
        var healthPath = JsonPaths.Child(elbPath, "health");
        if (interval is { } i && timeout is { } t && t >= i)
        {
            if (own?["timeout"] is { } setTimeout) Error(JsonPaths.Child(healthPath, "timeout"), $"expected less than health.interval ({i}), got {JsonKinds.Describe(setTimeout)}");
            else if (own?["interval"] is { } setInterval) Error(JsonPaths.Child(healthPath, "interval"), $"expected more than health.timeout ({t}), got {JsonKinds.Describe(setInterval)}");
        }

        // A classic ELB allows a 60 s timeout at most; ELBv2 target groups allow 120 s.
        if (type == ElbSpec.Classic && own?["timeout"] is { } classicTimeout && JsonNumbers.TryGetInt64(classicTimeout, out var seconds) && seconds > 60)
        {
            Error(JsonPaths.Child(healthPath, "timeout"), $"expected at most 60 seconds for a classic load balancer, got {JsonKinds.Describe(classicTimeout)}");
        }
    }

    private static long? HealthValue(JsonObject?[] layers, string key)
    {
        foreach (var layer in layers)
        {
            if (((layer?["elb"] as JsonObject)?["health"] as JsonObject)?[key] is JsonValue v) return JsonNumbers.TryGetInt64(v, out var n) ? n : null;
        }

        return null;
    }

    private void CheckTarget(JsonObject elb, string elbPath, JsonObject?[] layers, string type)
    {
        if (elb["target"] is null && elb["type"] is null) return;
        if (!HealthProtocols.TryGetValue(type, out var allowed)) return;
        var target = Layers.Effective(layers, "elb", "target");
        var text = Layers.Text(target);
        if (text is null || !StringFormat.HealthTarget.IsMatch(text)) return;
        var protocol = Protocol(text)!;
        if (allowed.Contains(protocol)) return;
        var at = elb["target"] is not null ? JsonPaths.Child(elbPath, "target") : JsonPaths.Child(elbPath, "type");
        Error(at, $"expected a health check target a{(type == ElbSpec.Application ? "n" : "")} {type} load balancer can use ({string.Join(", ", allowed)}), got {(elb["target"] is not null ? JsonKinds.Describe(target) : $"the inherited target {JsonKinds.Describe(target)}")}");
    }

    private static string? Protocol(string? listener)
    {
        if (listener is null) return null;
        var colon = listener.IndexOf(':', StringComparison.Ordinal);
        return (colon < 0 ? listener : listener[..colon]).ToUpperInvariant();
    }

    private static bool HasText(JsonNode? node) => Layers.Text(node) is { Length: > 0 };

    private void Error(string path, string message) => diagnostics.Add(Diagnostic.Error(file, path, message));
}
