using System.Text.Json;
using System.Text.Json.Nodes;
using Foremast.Core.Json;
using Foremast.Core.Validation;

namespace Foremast.Core.Config;

/// <summary>Reads the global config JSON (sections of Foremast's <c>config.py</c> CONFIG) into <see cref="ForemastSettings"/>.</summary>
public static class ForemastSettingsLoader
{
    private static readonly Dictionary<string, string[]> KnownKeys = new()
    {
        ["base"] =
        [
            "gate_api_url", "domain", "envs", "env_configs", "regions", "vpc_name", "runway_base_path", "templates_path",
            "ami_json_url", "git_url", "default_run_as_user", "default_securitygroup_rules", "default_ec2_securitygroups",
            "default_elb_securitygroups", "securitygroup_replacements", "ec2_pipeline_types", "aws_types", "aws_manual_types",
            "gcp_types", "gcp_manual_types", "types", "manual_types", "gate_client_cert", "gate_ca_bundle", "approval_timeout",
        ],
        ["credentials"] = ["gitlab_token", "slack_token", "gate_authentication"],
        ["whitelists"] = ["asg_whitelist"],
        ["task_timeouts"] = ["default", "envs"],
        ["formats"] = [.. Naming.NameFormats.Defaults.Keys],
        ["links"] = ["default"],
        ["lambda"] = ["standalone_mode"],
        ["gcp"] = ["envs"],
    };

    public static ForemastSettings Load(string? path, ICollection<Diagnostic> diagnostics)
    {
        if (path is null) return new ForemastSettings();
        var display = path;
        if (!File.Exists(path))
        {
            diagnostics.Add(Diagnostic.Error(display, "$", "config file not found"));
            return new ForemastSettings();
        }

        var node = JsonFileReader.Read(path, display, diagnostics);
        if (node is null) return new ForemastSettings();
        if (node is not JsonObject root)
        {
            diagnostics.Add(Diagnostic.Error(display, "$", $"expected an object of sections, got {JsonKinds.Describe(node)}"));
            return new ForemastSettings();
        }

        return Parse(root, display, Path.GetDirectoryName(Path.GetFullPath(path))!, diagnostics);
    }

    public static ForemastSettings Parse(JsonObject root, string file, string baseDirectory, ICollection<Diagnostic> diagnostics)
    {
        foreach (var (section, value) in root)
        {
            if (!KnownKeys.TryGetValue(section, out var keys))
            {
                diagnostics.Add(Diagnostic.Warning(file, $"$.{section}", DidYouMean.UnknownKeyMessage(section, KnownKeys.Keys)));
                continue;
            }

            if (value is not JsonObject obj)
            {
                diagnostics.Add(Diagnostic.Error(file, $"$.{section}", $"expected an object, got {JsonKinds.Describe(value)}"));
                continue;
            }

            foreach (var (key, _) in obj)
            {
                if (!keys.Contains(key))
                {
                    diagnostics.Add(Diagnostic.Warning(file, $"$.{section}.{key}", DidYouMean.UnknownKeyMessage(key, keys)));
                }
            }
        }

        var reader = new SectionReader(root, file, diagnostics);
        var envs = reader.List("base", "envs");
        var defaults = new ForemastSettings();
        var awsTypes = reader.Has("base", "types") ? reader.List("base", "types") : reader.List("base", "aws_types", defaults.AwsTypes);
        var manualTypes = reader.Has("base", "manual_types") ? reader.List("base", "manual_types") : reader.List("base", "aws_manual_types", defaults.AwsManualTypes);
        var templatesPath = reader.String("base", "templates_path");

        return new ForemastSettings
        {
            GateApiUrl = reader.String("base", "gate_api_url"),
            Domain = reader.String("base", "domain") ?? defaults.Domain,
            Envs = envs,
            Regions = reader.List("base", "regions"),
            ApprovalSkipAllowed = reader.EnvConfigs(),
            VpcName = reader.String("base", "vpc_name") ?? defaults.VpcName,
            RunwayBasePath = reader.String("base", "runway_base_path") ?? defaults.RunwayBasePath,
            TemplatesPath = string.IsNullOrEmpty(templatesPath) ? null : Path.GetFullPath(Path.Combine(baseDirectory, templatesPath)),
            AmiJsonUrl = reader.String("base", "ami_json_url"),
            GitUrl = reader.String("base", "git_url"),
            DefaultRunAsUser = reader.String("base", "default_run_as_user"),
            DefaultSecurityGroupRules = reader.Object("base", "default_securitygroup_rules"),
            DefaultEc2SecurityGroups = reader.SecurityGroups("default_ec2_securitygroups", envs),
            DefaultElbSecurityGroups = reader.SecurityGroups("default_elb_securitygroups", envs),
            SecurityGroupReplacements = reader.StringMap("base", "securitygroup_replacements"),
            Ec2PipelineTypes = reader.List("base", "ec2_pipeline_types", defaults.Ec2PipelineTypes),
            AwsTypes = awsTypes,
            AwsManualTypes = manualTypes,
            GcpTypes = reader.List("base", "gcp_types", defaults.GcpTypes),
            GcpManualTypes = reader.List("base", "gcp_manual_types"),
            GateClientCert = reader.String("base", "gate_client_cert"),
            GateCaBundle = reader.String("base", "gate_ca_bundle"),
            TaskTimeoutDefaultSeconds = reader.Int("task_timeouts", "default") ?? defaults.TaskTimeoutDefaultSeconds,
            TaskTimeouts = reader.TaskTimeouts(),
            AsgWhitelist = reader.String("whitelists", "asg_whitelist") ?? "",
            Formats = reader.StringMap("formats", null),
            DefaultLinks = reader.StringMap("links", "default"),
            LambdaStandaloneMode = reader.Bool("lambda", "standalone_mode") ?? false,
            GcpEnvs = reader.Object("gcp", "envs").EnumerateObject().Select(p => p.Name).ToList(),
            ApprovalTimeout = reader.Int("base", "approval_timeout") is { } seconds ? TimeSpan.FromSeconds(seconds) : ForemastSettings.DefaultApprovalTimeout,
        };
    }

    /// <summary>Reads values that may be native JSON or Foremast-style strings (Python literals or comma lists).</summary>
    private sealed class SectionReader(JsonObject root, string file, ICollection<Diagnostic> diagnostics)
    {
        public bool Has(string section, string key) => Get(section, key) is not null;

        public JsonNode? Get(string section, string? key)
        {
            if (root[section] is not JsonObject obj) return null;
            return key is null ? obj : obj[key];
        }

        public string? String(string section, string key)
        {
            var node = Get(section, key);
            if (node is null) return null;
            if (node is JsonValue v && v.TryGetValue<string>(out var s)) return s;
            if (node is JsonValue) return node.ToJsonString();
            Error(section, key, "a string", node);
            return null;
        }

        public int? Int(string section, string key)
        {
            var node = Native(section, key);
            if (node is null) return null;
            if (node is JsonValue v && v.TryGetValue<long>(out var l) && l is >= 0 and <= int.MaxValue) return (int)l;
            if (node is JsonValue d && d.TryGetValue<double>(out var dbl) && dbl is >= 0 and <= int.MaxValue && dbl == Math.Floor(dbl)) return (int)dbl;
            Error(section, key, "a whole number of seconds between 0 and 2147483647", node);
            return null;
        }

        public bool? Bool(string section, string key)
        {
            var node = Native(section, key);
            if (node is null) return null;
            if (node is JsonValue v && v.TryGetValue<bool>(out var b)) return b;
            Error(section, key, "true or false", node);
            return null;
        }

        public IReadOnlyList<string> List(string section, string key, IReadOnlyList<string>? fallback = null)
        {
            var node = Get(section, key);
            if (node is null) return fallback ?? [];
            if (node is JsonValue v && v.TryGetValue<string>(out var s)) return PythonLiteral.ToList(PythonLiteral.ToNative(s));
            if (node is JsonArray) return PythonLiteral.ToList(node);
            Error(section, key, "a comma-separated string or a list of strings", node);
            return fallback ?? [];
        }

        public JsonElement Object(string section, string key)
        {
            var node = Native(section, key);
            if (node is null) return JsonElement.Parse("{}");
            if (node is JsonObject) return JsonElement.Parse(node.ToJsonString());
            Error(section, key, "an object", node);
            return JsonElement.Parse("{}");
        }

        public IReadOnlyDictionary<string, string> StringMap(string section, string? key)
        {
            var node = key is null ? Get(section, null) : Native(section, key);
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (node is null) return result;
            if (node is not JsonObject obj)
            {
                Error(section, key, "an object of strings", node);
                return result;
            }

            foreach (var (k, value) in obj)
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var s)) result[k] = s;
                else Error(section, key is null ? k : $"{key}.{k}", "a string", value);
            }

            return result;
        }

        public IReadOnlyDictionary<string, bool> EnvConfigs()
        {
            var result = new Dictionary<string, bool>(StringComparer.Ordinal);
            var node = Native("base", "env_configs");
            if (node is null) return result;
            if (node is not JsonObject obj)
            {
                Error("base", "env_configs", "an object of env → {\"enable_approval_skip\": bool}", node);
                return result;
            }

            foreach (var (env, value) in obj)
            {
                var flag = (value as JsonObject)?["enable_approval_skip"];
                if (flag is JsonValue v && v.TryGetValue<bool>(out var b)) result[env] = b;
                else if (flag is not null || value is not JsonObject) Error("base", $"env_configs.{env}.enable_approval_skip", "true or false", flag ?? value);
            }

            return result;
        }

        public IReadOnlyDictionary<string, IReadOnlyList<string>> SecurityGroups(string key, IReadOnlyList<string> envs)
        {
            var result = envs.ToDictionary(e => e, _ => (IReadOnlyList<string>)[], StringComparer.Ordinal);
            var node = Native("base", key);
            switch (node)
            {
                case null:
                    break;
                case JsonObject obj:
                    foreach (var (env, groups) in obj) result[env] = PythonLiteral.ToList(groups);
                    break;
                default:
                    var list = PythonLiteral.ToList(node);
                    foreach (var env in envs) result[env] = list;
                    break;
            }

            return result;
        }

        public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> TaskTimeouts()
        {
            var result = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
            var node = Get("task_timeouts", "envs");
            if (node is JsonValue v && v.TryGetValue<string>(out var s))
            {
                // Foremast requires a JSON string here even in config.py; accept a native object too.
                try { node = JsonNode.Parse(s); }
                catch (JsonException) { Error("task_timeouts", "envs", "a JSON object {env: {taskType: seconds}}", node); return result; }
            }

            if (node is null) return result;
            if (node is not JsonObject envs)
            {
                Error("task_timeouts", "envs", "an object {env: {taskType: seconds}}", node);
                return result;
            }

            foreach (var (env, tasks) in envs)
            {
                var perTask = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var (task, seconds) in tasks as JsonObject ?? [])
                {
                    if (seconds is JsonValue sv && sv.TryGetValue<int>(out var n) && n >= 0) perTask[task] = n;
                    else Error("task_timeouts", $"envs.{env}.{task}", "a whole number of seconds", seconds);
                }

                result[env] = perTask;
            }

            return result;
        }

        private JsonNode? Native(string section, string key)
        {
            var node = Get(section, key);
            return node is JsonValue v && v.TryGetValue<string>(out var s) && PythonLiteral.TryParse(s, out var parsed) ? parsed : node;
        }

        private void Error(string section, string? key, string expected, JsonNode? got) =>
            diagnostics.Add(Diagnostic.Error(file, key is null ? $"$.{section}" : $"$.{section}.{key}", $"expected {expected}, got {JsonKinds.Describe(got)}"));
    }
}
