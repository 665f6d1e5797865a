using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Core.Json;
using Foremast.Core.Validation.Spec;

namespace Foremast.Core.Validation;

/// <summary>
/// Rules that span keys of one env document: capacity bounds, port ranges, listener protocols per load balancer
/// kind and the admin's approval_skip permission. A region override is checked with its effective values
/// (override, then env, then defaults), as Foremast merges them.
/// </summary>
internal sealed class EnvironmentRules(string file, string envName, ForemastSettings settings, ICollection<Diagnostic> diagnostics)
{
    /// <param name="layers">The document being checked first, then what it falls back to.</param>
    public void Check(JsonObject doc, string path, JsonObject?[] layers)
    {
        CheckCapacity(doc, path, layers);
        CheckIngressRanges(doc, path);
        CheckListenerProtocols(doc, path, layers);
        CheckApprovalSkip(doc, path);
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
