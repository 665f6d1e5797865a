using System.Text.Json.Nodes;
using Foremast.Core.Json;
using Foremast.Core.Validation;

namespace Foremast.Core.Config.Aws;

/// <summary>Reads the <c>aws</c> section, reporting every problem with its JSON path (nothing half-read: a bad entry is left out).</summary>
internal static class AwsSettingsReader
{
    public static readonly string[] Keys = ["accounts", "subnets"];

    public static AwsSettings Read(JsonObject? section, string file, ICollection<Diagnostic> diagnostics)
    {
        if (section is null) return AwsSettings.Empty;
        return new AwsSettings(Accounts(section["accounts"], file, diagnostics), Subnets(section["subnets"], file, diagnostics));
    }

    private static Dictionary<string, AwsAccount> Accounts(JsonNode? node, string file, ICollection<Diagnostic> diagnostics)
    {
        var result = new Dictionary<string, AwsAccount>(StringComparer.Ordinal);
        if (node is null) return result;
        if (node is not JsonObject envs)
        {
            diagnostics.Add(Diagnostic.Error(file, "$.aws.accounts", $"expected an object of env → {{\"profile\": …}} or {{\"role_arn\": …}}, got {JsonKinds.Describe(node)}"));
            return result;
        }

        foreach (var (env, value) in envs)
        {
            var path = $"$.aws.accounts.{env}";
            var profile = (value as JsonObject)?["profile"] is JsonValue p && p.TryGetValue<string>(out var ps) ? ps : null;
            var role = (value as JsonObject)?["role_arn"] is JsonValue r && r.TryGetValue<string>(out var rs) ? rs : null;
            if (value is not JsonObject || (profile is null) == (role is null))
            {
                diagnostics.Add(Diagnostic.Error(file, path, $"expected exactly one of {{\"profile\": \"name\"}} or {{\"role_arn\": \"arn:aws:iam::…:role/…\"}}, got {JsonKinds.Describe(value)}"));
                continue;
            }

            if (role is not null && !role.StartsWith("arn:aws", StringComparison.Ordinal))
            {
                diagnostics.Add(Diagnostic.Error(file, $"{path}.role_arn", $"expected an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME), got \"{role}\""));
                continue;
            }

            result[env] = new AwsAccount(profile, role);
        }

        return result;
    }

    private static Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>> Subnets(JsonNode? node, string file, ICollection<Diagnostic> diagnostics)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>>(StringComparer.Ordinal);
        if (node is null) return result;
        const string expected = "an object env → region → {\"ec2\": [subnet ids], \"elb\": [subnet ids]}";
        if (node is not JsonObject envs)
        {
            diagnostics.Add(Diagnostic.Error(file, "$.aws.subnets", $"expected {expected}, got {JsonKinds.Describe(node)}"));
            return result;
        }

        foreach (var (env, regionsNode) in envs)
        {
            if (regionsNode is not JsonObject regions)
            {
                diagnostics.Add(Diagnostic.Error(file, $"$.aws.subnets.{env}", $"expected {expected}, got {JsonKinds.Describe(regionsNode)}"));
                continue;
            }

            var byRegion = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(StringComparer.Ordinal);
            foreach (var (region, targetsNode) in regions)
            {
                var byTarget = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
                foreach (var (target, ids) in targetsNode as JsonObject ?? [])
                {
                    var path = $"$.aws.subnets.{env}.{region}.{target}";
                    if (target is not ("ec2" or "elb"))
                    {
                        diagnostics.Add(Diagnostic.Error(file, path, $"expected the target \"ec2\" or \"elb\", got \"{target}\""));
                        continue;
                    }

                    if (ids is not JsonArray list || list.Any(i => i is not JsonValue v || !v.TryGetValue<string>(out var s) || !s.StartsWith("subnet-", StringComparison.Ordinal)))
                    {
                        diagnostics.Add(Diagnostic.Error(file, path, $"expected a list of subnet ids (\"subnet-…\"), got {JsonKinds.Describe(ids)}"));
                        continue;
                    }

                    byTarget[target] = list.Select(i => i!.GetValue<string>()).ToList();
                }

                if (targetsNode is not JsonObject)
                {
                    diagnostics.Add(Diagnostic.Error(file, $"$.aws.subnets.{env}.{region}", $"expected {{\"ec2\": [subnet ids], \"elb\": [subnet ids]}}, got {JsonKinds.Describe(targetsNode)}"));
                }

                byRegion[region] = byTarget;
            }

            result[env] = byRegion;
        }

        return result;
    }
}
