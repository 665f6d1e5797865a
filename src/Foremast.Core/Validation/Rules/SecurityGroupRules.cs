using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Core.Json;

namespace Foremast.Core.Validation.Rules;

/// <summary>
/// Ingress rules as EC2 will judge them: sources are <c>$self</c>, a security group (app) name or a CIDR that
/// parses; TCP and UDP ports are 0-65535; a cross-account rule names a configured env.
/// </summary>
internal sealed class SecurityGroupRules(string file, ForemastSettings settings, ICollection<Diagnostic> diagnostics)
{
    private const string Self = "$self";

    public void Check(JsonObject doc, string path)
    {
        if ((doc["security_group"] as JsonObject)?["ingress"] is not JsonObject ingress) return;
        var ingressPath = JsonPaths.Child(JsonPaths.Child(path, "security_group"), "ingress");
        foreach (var (source, rules) in ingress)
        {
            var sourcePath = JsonPaths.Child(ingressPath, source);
            CheckSource(source, sourcePath);
            if (rules is not JsonArray list) continue;
            for (var i = 0; i < list.Count; i++) CheckRule(list[i], JsonPaths.Index(sourcePath, i));
        }
    }

    private void CheckSource(string source, string path)
    {
        if (source == Self) return;
        if (source.StartsWith('$'))
        {
            Error(path, $"expected $self, a security group name or a CIDR, got key \"{source}\"{(DidYouMean.Suggest(source, [Self]) is { } s ? $"; did you mean \"{s}\"?" : "")}");
            return;
        }

        if (Cidr.LooksLikeCidr(source))
        {
            if (!Cidr.IsValid(source)) Error(path, $"expected a CIDR block such as \"10.0.0.0/8\" (four octets 0-255, prefix 0-32), got key \"{source}\"");
            return;
        }

        if (source.Trim().Length == 0 || source.Length > 255)
        {
            Error(path, $"expected $self, a security group name (1-255 characters) or a CIDR, got key \"{source}\"");
        }
    }

    private void CheckRule(JsonNode? rule, string path)
    {
        if (rule is JsonValue bare)
        {
            // A bare number is a TCP port; -1 ("all") only means something with protocol -1 or icmp.
            if (JsonNumbers.TryGetInt64(bare, out var port) && port < 0) Error(path, $"expected a TCP port from 0 to 65535 (a bare port is TCP), got {JsonKinds.Describe(bare)}");
            return;
        }

        if (rule is not JsonObject o) return;
        var protocol = o["protocol"] is JsonValue p && p.TryGetValue<string>(out var text) ? text.ToLowerInvariant() : "tcp";
        if (protocol is "tcp" or "udp")
        {
            foreach (var key in new[] { "start_port", "end_port" })
            {
                if (JsonNumbers.TryGetInt64(o[key], out var port) && port < 0)
                {
                    Error(JsonPaths.Child(path, key), $"expected a port from 0 to 65535 for protocol {protocol} (-1 means all ports only with protocol -1 or icmp), got {JsonKinds.Describe(o[key])}");
                }
            }
        }

        if (o["env"] is JsonValue env && env.TryGetValue<string>(out var name) && settings.Envs.Count > 0 && !settings.Envs.Contains(name))
        {
            var suggestion = DidYouMean.Suggest(name, settings.Envs);
            Error(JsonPaths.Child(path, "env"), $"expected one of the configured envs ({string.Join(", ", settings.Envs)}), got {JsonKinds.Describe(env)}"
                + (suggestion is null ? "" : $"; did you mean \"{suggestion}\"?"));
        }
    }

    private void Error(string path, string message) => diagnostics.Add(Diagnostic.Error(file, path, message));
}
