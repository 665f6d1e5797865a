using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Core.Json;
using Foremast.Core.Validation.Rules;
using Foremast.Core.Validation.Spec;

namespace Foremast.Core.Validation;

/// <summary>
/// Rules that span keys of one env document: capacity bounds, port ranges, listener protocols per load balancer
/// kind and the admin's approval_skip permission. A region override is checked with its effective values
/// (override, then env, then defaults), as Foremast merges them.
/// </summary>
internal sealed class EnvironmentRules(string file, string envName, ForemastSettings settings, ICollection<Diagnostic> diagnostics, string? pipelineType = null)
{
    private readonly SecurityGroupRules _securityGroups = new(file, settings, diagnostics);
    private readonly LoadBalancerRules _loadBalancer = new(file, diagnostics);
    private readonly LambdaTriggerRules _triggers = new(file, diagnostics);
    private readonly PipelineTypeRules? _type = pipelineType is null ? null : new(file, pipelineType, settings, diagnostics);

    /// <param name="layers">The document being checked first, then what it falls back to.</param>
    /// <param name="isRegionOverride">Whether <paramref name="doc"/> is a <c>regions.{region}</c> override rather than the env file.</param>
    public void Check(JsonObject doc, string path, JsonObject?[] layers, bool isRegionOverride)
    {
        CheckCapacity(doc, path, layers);
        CheckIngressRanges(doc, path);
        CheckListenerProtocols(doc, path, layers);
        CheckApprovalSkip(doc, path);
        CheckApprovalTimeout(doc, path);
        _securityGroups.Check(doc, path);
        _loadBalancer.Check(doc, path, layers);
        _triggers.Check(doc, path);
        _type?.Check(doc, path, isRegionOverride);
        if (!isRegionOverride) CheckHasRegions(doc);
    }

    /// <summary>Spinnaker reads the timeout in milliseconds; a value under a minute is almost always seconds written as milliseconds.</summary>
    private void CheckApprovalTimeout(JsonObject doc, string path)
    {
        if ((doc["app"] as JsonObject)?["approval_timeout"] is not JsonValue timeout || !JsonNumbers.TryGetDouble(timeout, out var ms) || ms < 1 || ms >= 60_000) return;
        diagnostics.Add(Diagnostic.Warning(
            file,
            JsonPaths.Child(JsonPaths.Child(path, "app"), "approval_timeout"),
            $"{JsonKinds.Describe(timeout)} is milliseconds: the checkpoint would time out in under a minute (for {ms:0} seconds write {ms * 1000:0})"));
    }

    /// <summary>An empty <c>regions</c> leaves the env without a pipeline; usually a forgotten <c>{"us-east-1": {}}</c>.</summary>
    private void CheckHasRegions(JsonObject env)
    {
        var regions = env["regions"];
        if (regions is JsonObject { Count: 0 } or JsonArray { Count: 0 })
        {
            diagnostics.Add(Diagnostic.Warning(file, "$.regions", $"no regions: env \"{envName}\" deploys nowhere (list at least one, such as {{\"us-east-1\": {{}}}})"));
        }
    }

    private void CheckCapacity(JsonObject doc, string path, JsonObject?[] layers)
    {
        var asg = doc["asg"] as JsonObject;
        var ownMin = asg?["min_inst"];
        var ownMax = asg?["max_inst"];
        if (ownMin is null && ownMax is null) return;
        if (Effective(layers, "asg", "min_inst") is not { } min || Effective(layers, "asg", "max_inst") is not { } max) return;
        if (!JsonNumbers.TryGetInt64(min, out var lo) || !JsonNumbers.TryGetInt64(max, out var hi) || lo <= hi) return;

        var asgPath = JsonPaths.Child(path, "asg");
        if (ownMin is not null) Error(JsonPaths.Child(asgPath, "min_inst"), $"expected at most max_inst ({hi}), got {JsonKinds.Describe(min)}");
        else Error(JsonPaths.Child(asgPath, "max_inst"), $"expected at least min_inst ({lo}), got {JsonKinds.Describe(max)}");
    }

    private void CheckIngressRanges(JsonObject doc, string path)
    {
        if ((doc["security_group"] as JsonObject)?["ingress"] is not JsonObject ingress) return;
        foreach (var (source, rules) in ingress)
        {
            if (rules is not JsonArray list) continue;
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is not JsonObject rule) continue;
                if (rule["start_port"] is not JsonValue start || rule["end_port"] is not JsonValue end) continue;
                if (!JsonNumbers.TryGetInt64(start, out var lo) || !JsonNumbers.TryGetInt64(end, out var hi) || lo <= hi) continue;
                var rulePath = JsonPaths.Index(JsonPaths.Child(JsonPaths.Child(JsonPaths.Child(path, "security_group"), "ingress"), source), i);
                Error(JsonPaths.Child(rulePath, "start_port"), $"expected at most end_port ({hi}), got {JsonKinds.Describe(start)}");
            }
        }
    }

    private void CheckListenerProtocols(JsonObject doc, string path, JsonObject?[] layers)
    {
        var elb = doc["elb"] as JsonObject;
        if (elb is null) return;
        var type = Effective(layers, "elb", "type") is { } t && t.TryGetValue<string>(out var name) ? name : ElbSpec.Classic;
        if (!ElbSpec.ProtocolsByType.TryGetValue(type, out var allowed)) return;
        var elbPath = JsonPaths.Child(path, "elb");
        if (elb["ports"] is JsonArray ports)
        {
            for (var i = 0; i < ports.Count; i++)
            {
                if (ports[i] is not JsonObject listener) continue;
                var listenerPath = JsonPaths.Index(JsonPaths.Child(elbPath, "ports"), i);
                CheckProtocol(listener["loadbalancer"], JsonPaths.Child(listenerPath, "loadbalancer"), type, allowed);
                CheckProtocol(listener["instance"], JsonPaths.Child(listenerPath, "instance"), type, allowed);
            }
        }

        CheckProtocol(elb["lb_proto"], JsonPaths.Child(elbPath, "lb_proto"), type, allowed);
        CheckProtocol(elb["i_proto"], JsonPaths.Child(elbPath, "i_proto"), type, allowed);
        if (elb["type"] is not null) CheckInheritedListeners(layers, JsonPaths.Child(elbPath, "type"), elb["type"]!, allowed);
    }

    /// <summary>
    /// A file that changes <c>elb.type</c> but not its listeners keeps the listeners of the env file or of the
    /// defaults (HTTP:80 → HTTP:8080), which a network load balancer cannot serve.
    /// </summary>
    private void CheckInheritedListeners(JsonObject?[] layers, string typePath, JsonNode type, string[] allowed)
    {
        var protocols = new List<string>(4);
        var own = layers[0]?["elb"] as JsonObject;
        if (own?["ports"] is null)
        {
            if (FirstWith(layers, "ports") is JsonArray ports)
            {
                foreach (var listener in ports)
                {
                    AddProtocol(protocols, (listener as JsonObject)?["loadbalancer"]);
                    AddProtocol(protocols, (listener as JsonObject)?["instance"]);
                }
            }
            else
            {
                if (own?["lb_proto"] is null) AddProtocol(protocols, Effective(layers, "elb", "lb_proto"));
                if (own?["i_proto"] is null) AddProtocol(protocols, Effective(layers, "elb", "i_proto"));
            }
        }

        foreach (var protocol in protocols)
        {
            if (Array.IndexOf(allowed, protocol) >= 0) continue;
            Error(typePath, $"expected a load balancer kind that serves the inherited {protocol} listener (set elb.ports here to change it), got {JsonKinds.Describe(type)}");
            return;
        }
    }

    private static JsonNode? FirstWith(JsonObject?[] layers, string key)
    {
        foreach (var layer in layers)
        {
            if ((layer?["elb"] as JsonObject)?[key] is { } value) return value;
        }

        return null;
    }

    private static void AddProtocol(List<string> into, JsonNode? value)
    {
        if (value is not JsonValue v || !v.TryGetValue<string>(out var text)) return;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var protocol = (colon < 0 ? text : text[..colon]).ToUpperInvariant();
        if (!into.Contains(protocol)) into.Add(protocol);
    }

    private void CheckProtocol(JsonNode? value, string path, string type, string[] allowed)
    {
        // Malformed values already have their own error; judging their protocol too would only repeat it.
        if (value is not JsonValue v || !v.TryGetValue<string>(out var text)) return;
        if (text.Contains(':', StringComparison.Ordinal) ? !StringFormat.Listener.IsMatch(text) : !IsKnownProtocol(text)) return;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var protocol = (colon < 0 ? text : text[..colon]).ToUpperInvariant();
        foreach (var a in allowed)
        {
            if (a == protocol) return;
        }

        Error(path, $"expected a protocol a{(type == ElbSpec.Application ? "n" : "")} {type} load balancer supports ({string.Join(", ", allowed)}), got {JsonKinds.Describe(value)}");
    }

    private static bool IsKnownProtocol(string text)
    {
        foreach (var p in StringFormat.ListenerProtocols)
        {
            if (string.Equals(p, text, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }

    private void CheckApprovalSkip(JsonObject doc, string path)
    {
        if ((doc["app"] as JsonObject)?["approval_skip"] is not JsonValue skip || !skip.TryGetValue<bool>(out var wanted) || !wanted) return;
        if (settings.ApprovalSkipAllowed.TryGetValue(envName, out var allowed) && allowed) return;
        diagnostics.Add(Diagnostic.Warning(
            file,
            JsonPaths.Child(JsonPaths.Child(path, "app"), "approval_skip"),
            $"ignored: the Foremast config does not allow approval_skip in env \"{envName}\" (base.env_configs.{envName}.enable_approval_skip is not true), so the Checkpoint stays"));
    }

    private static JsonValue? Effective(JsonObject?[] layers, string block, string key)
    {
        foreach (var layer in layers)
        {
            if ((layer?[block] as JsonObject)?[key] is JsonValue value) return value;
        }

        return null;
    }

    private void Error(string path, string message) => diagnostics.Add(Diagnostic.Error(file, path, message));
}
