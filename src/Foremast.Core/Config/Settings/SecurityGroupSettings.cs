using System.Text.Json;
using Foremast.Core.Validation;

namespace Foremast.Core.Config.Settings;

/// <summary>
/// The <c>security_group</c> block of an env/region document (reference §5.4), with the keys of
/// <c>Validation/Spec/NetworkSpec.cs</c> and Foremast's defaults (<c>templates/configs/configs.json.sbn</c>).
/// </summary>
/// <param name="Egress">
/// Foremast ignored egress; here it is honoured: a CIDR string (the default <c>0.0.0.0/0</c> is AWS's own default rule,
/// all traffic), several CIDRs separated by commas, an empty string for none, or a map of rules shaped like <c>ingress</c>.
/// </param>
public sealed record SecurityGroupSettings(
    string? Description,
    IReadOnlyList<SecurityGroupRuleSetting> Ingress,
    IReadOnlyList<SecurityGroupRuleSetting> Egress,
    IReadOnlyList<string> ElbExtras,
    IReadOnlyList<string> InstanceExtras)
{
    public const string DefaultEgress = "0.0.0.0/0";

    /// <param name="doc">The merged env (or region) document.</param>
    /// <param name="file">The file the block comes from, for error lines (<c>application-master-dev.json</c>).</param>
    /// <exception cref="ConfigValidationException">A value of the wrong shape.</exception>
    public static SecurityGroupSettings From(JsonElement doc, string file)
    {
        var errors = new List<Diagnostic>();
        var block = doc.ValueKind == JsonValueKind.Object && doc.TryGetProperty("security_group", out var sg) && sg.ValueKind == JsonValueKind.Object ? sg : default;
        string? description = null;
        IReadOnlyList<SecurityGroupRuleSetting> ingress = [];
        IReadOnlyList<SecurityGroupRuleSetting> egress = AllTrafficTo([DefaultEgress], file, "$.security_group.egress");
        IReadOnlyList<string> elbExtras = [], instanceExtras = [];
        if (block.ValueKind == JsonValueKind.Object)
        {
            if (block.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String) description = d.GetString();
            if (block.TryGetProperty("ingress", out var i)) ingress = ParseRules(i, file, "$.security_group.ingress", errors);
            if (block.TryGetProperty("egress", out var e)) egress = ParseEgress(e, file, errors);
            elbExtras = Strings(block, "elb_extras", file, errors);
            instanceExtras = Strings(block, "instance_extras", file, errors);
        }

        if (errors.Count > 0) throw new ConfigValidationException(errors);
        return new SecurityGroupSettings(description, ingress, egress, elbExtras, instanceExtras);
    }

    /// <summary>A map <c>source → [port | {start_port, end_port, protocol, env}]</c> (ingress, or the global default rules).</summary>
    /// <exception cref="ConfigValidationException">A value of the wrong shape.</exception>
    public static IReadOnlyList<SecurityGroupRuleSetting> Rules(JsonElement map, string file, string path)
    {
        var errors = new List<Diagnostic>();
        var rules = ParseRules(map, file, path, errors);
        if (errors.Count > 0) throw new ConfigValidationException(errors);
        return rules;
    }

    private static List<SecurityGroupRuleSetting> ParseRules(JsonElement map, string file, string path, List<Diagnostic> errors)
    {
        var rules = new List<SecurityGroupRuleSetting>();
        if (map.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return rules;
        if (map.ValueKind != JsonValueKind.Object)
        {
            errors.Add(Diagnostic.Error(file, path, "expected an object mapping a source (security group name, CIDR or $self) to a list of rules"));
            return rules;
        }

        foreach (var source in map.EnumerateObject())
        {
            var sourcePath = $"{path}.{source.Name}";
            if (source.Value.ValueKind != JsonValueKind.Array)
            {
                errors.Add(Diagnostic.Error(file, sourcePath, "expected a list of rules (ports or {start_port, end_port, protocol, env})"));
                continue;
            }

            var index = 0;
            foreach (var rule in source.Value.EnumerateArray())
            {
                var rulePath = $"{sourcePath}[{index++}]";
                if (Rule(source.Name, rule, file, rulePath, errors) is { } parsed) rules.Add(parsed);
            }
        }

        return rules;
    }

    private static SecurityGroupRuleSetting? Rule(string source, JsonElement rule, string file, string path, List<Diagnostic> errors)
    {
                if (rule.ValueKind == JsonValueKind.Number)
        {
            if (Port(rule) is { } port) return new SecurityGroupRuleSetting(source, port, port, "tcp", null, file, path);
            errors.Add(Diagnostic.Error(file, path, "expected a port number from -1 to 65535"));
            return null;
        }

        if (rule.ValueKind != JsonValueKind.Object)
        {
            errors.Add(Diagnostic.Error(file, path, "expected a port number from -1 to 65535 or an object {start_port, end_port, protocol, env}"));
            return null;
        }

        int? start = rule.TryGetProperty("start_port", out var s) ? Port(s) : null;
        int? end = rule.TryGetProperty("end_port", out var e) ? Port(e) : null;
        if (start is null) errors.Add(Diagnostic.Error(file, path + ".start_port", "expected a port number from -1 to 65535"));
        if (end is null) errors.Add(Diagnostic.Error(file, path + ".end_port", "expected a port number from -1 to 65535"));
        var protocol = rule.TryGetProperty("protocol", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "tcp";
        var env = rule.TryGetProperty("env", out var en) && en.ValueKind == JsonValueKind.String ? en.GetString() : null;
        return start is null || end is null ? null : new SecurityGroupRuleSetting(source, start.Value, end.Value, protocol, env, file, path);
    }

    private static int? Port(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var port) && port is >= -1 and <= 65535 ? port : null;

    private static IReadOnlyList<SecurityGroupRuleSetting> ParseEgress(JsonElement egress, string file, List<Diagnostic> errors)
    {
        const string path = "$.security_group.egress";
        return egress.ValueKind switch
        {
            JsonValueKind.Null => [],
            JsonValueKind.String => AllTrafficTo(egress.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), file, path),
            JsonValueKind.Object => ParseRules(egress, file, path, errors),
            _ => Invalid(),
        };

        IReadOnlyList<SecurityGroupRuleSetting> Invalid()
        {
            errors.Add(Diagnostic.Error(file, path, "expected a CIDR string (\"\" for none) or an object mapping a destination to a list of rules"));
            return [];
        }
    }

    private static List<SecurityGroupRuleSetting> AllTrafficTo(IEnumerable<string> cidrs, string file, string path) =>
        cidrs.Select(c => new SecurityGroupRuleSetting(c, -1, -1, "-1", null, file, path)).ToList();

    private static List<string> Strings(JsonElement block, string key, string file, List<Diagnostic> errors)
    {
        if (!block.TryGetProperty(key, out var list) || list.ValueKind == JsonValueKind.Null) return [];
        if (list.ValueKind == JsonValueKind.Array && list.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
        {
            return list.EnumerateArray().Select(v => v.GetString()!).ToList();
        }

        errors.Add(Diagnostic.Error(file, $"$.security_group.{key}", "expected a list of security group names"));
        return [];
    }
}
