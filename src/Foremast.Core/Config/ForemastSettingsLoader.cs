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
        ["aws"] = Aws.AwsSettingsReader.Keys,
    };

    /// <param name="path">
    /// A config file, read by its extension: <c>.cfg</c>/<c>.ini</c> as Foremast's INI, <c>.py</c> as a literal
    /// <c>config.py</c>, anything else as JSON. Several INI files joined by <see cref="Path.PathSeparator"/> are merged
    /// key by key, later files winning (<see cref="ConfigLocation"/>). Null gives Foremast's defaults.
    /// </param>
    public static ForemastSettings Load(string? path, ICollection<Diagnostic> diagnostics)
    {
        if (path is null) return new ForemastSettings();
        var root = ReadRoot(path, diagnostics);
        if (root is null) return new ForemastSettings();
        var files = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

        // templates_path is relative to the (last) file that could set it, as the user wrote it there.
        return Parse(root, string.Join(", ", files), Path.GetDirectoryName(Path.GetFullPath(files[^1]))!, diagnostics);
    }

    /// <summary>The config's sections as JSON, whatever the file format; null (with a diagnostic) when unreadable.</summary>
    public static JsonObject? ReadRoot(string path, ICollection<Diagnostic> diagnostics)
    {
        var files = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var display = string.Join(", ", files);
        foreach (var file in files)
        {
            if (Directory.Exists(file))
            {
                diagnostics.Add(Diagnostic.Error(file, "$", "expected a config file, got a directory"));
                return null;
            }

            if (!File.Exists(file))
            {
                diagnostics.Add(Diagnostic.Error(file, "$", "config file not found"));
                return null;
            }
        }

        var before = diagnostics.Count(d => d.Severity == Severity.Error);
        JsonNode? node;
        if (files.All(IsIni))
        {
            node = IniConfigReader.Read(files, diagnostics);
        }
        else if (files.Length == 1 && files[0].EndsWith(".py", StringComparison.OrdinalIgnoreCase))
        {
            node = ConfigPyReader.Read(files[0], diagnostics);
        }
        else if (files.Length == 1)
        {
            node = JsonFileReader.Read(files[0], display, diagnostics);
        }
        else
        {
            diagnostics.Add(Diagnostic.Error(display, "$", "only INI files (.cfg) can be merged"));
            return null;
        }

        if (node is null || diagnostics.Count(d => d.Severity == Severity.Error) > before) return null;
        if (node is JsonObject root) return root;
        diagnostics.Add(Diagnostic.Error(display, "$", $"expected an object of sections, got {JsonKinds.Describe(node)}"));
        return null;
    }

    private static bool IsIni(string file) =>
        file.EndsWith(".cfg", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".ini", StringComparison.OrdinalIgnoreCase);

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

        var reader = new SettingsSectionReader(root, file, diagnostics);
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
            Aws = Aws.AwsSettingsReader.Read(root["aws"] as JsonObject, file, diagnostics),
            ApprovalTimeout = reader.Int("base", "approval_timeout") is { } seconds ? TimeSpan.FromSeconds(seconds) : ForemastSettings.DefaultApprovalTimeout,
        };
    }
}
