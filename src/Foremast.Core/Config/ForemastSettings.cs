using System.Text.Json;

namespace Foremast.Core.Config;

/// <summary>
/// The global Foremast configuration (Foremast's <c>config.py</c> CONFIG sections), parsed with Foremast's defaults.
/// Secrets (<c>credentials</c>) are kept out of this record: they are engine settings, not part of a snapshot.
/// </summary>
public sealed record ForemastSettings
{
    public static readonly TimeSpan DefaultApprovalTimeout = TimeSpan.FromHours(72);

    public string? GateApiUrl { get; init; }

    public string Domain { get; init; } = "example.com";

    public IReadOnlyList<string> Envs { get; init; } = [];

    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary>Per env: whether the admin allows <c>app.approval_skip</c> there.</summary>
    public IReadOnlyDictionary<string, bool> ApprovalSkipAllowed { get; init; } = new Dictionary<string, bool>();

    public string VpcName { get; init; } = "vpc";

    public string RunwayBasePath { get; init; } = "runway";

    /// <summary>Absolute path of the external template directory, resolved against the config file's directory.</summary>
    public string? TemplatesPath { get; init; }

    public string? AmiJsonUrl { get; init; }

    public string? GitUrl { get; init; }

    public string? DefaultRunAsUser { get; init; }

    public JsonElement DefaultSecurityGroupRules { get; init; } = JsonElement.Parse("{}");

    public IReadOnlyDictionary<string, IReadOnlyList<string>> DefaultEc2SecurityGroups { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyDictionary<string, IReadOnlyList<string>> DefaultElbSecurityGroups { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyDictionary<string, string> SecurityGroupReplacements { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Ec2PipelineTypes { get; init; } = ["ec2", "rolling"];

    public IReadOnlyList<string> AwsTypes { get; init; } = ["ec2", "lambda", "s3", "datapipeline", "stepfunction", "rolling"];

    public IReadOnlyList<string> AwsManualTypes { get; init; } = ["manual"];

    public IReadOnlyList<string> GcpTypes { get; init; } = ["cloudfunction"];

    public IReadOnlyList<string> GcpManualTypes { get; init; } = [];

    public string? GateClientCert { get; init; }

    public string? GateCaBundle { get; init; }

    public int TaskTimeoutDefaultSeconds { get; init; } = 120;

    /// <summary>env → task type → seconds.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> TaskTimeouts { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, int>>();

    public string AsgWhitelist { get; init; } = "";

    public IReadOnlyDictionary<string, string> Formats { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> DefaultLinks { get; init; } = new Dictionary<string, string>();

    public bool LambdaStandaloneMode { get; init; }

    /// <summary>GCP env names (keys of <c>[gcp] envs</c>).</summary>
    public IReadOnlyList<string> GcpEnvs { get; init; } = [];

    /// <summary>How long a checkpoint waits when the app sets no <c>approval_timeout</c> (Spinnaker's default, 72 h).</summary>
    public TimeSpan ApprovalTimeout { get; init; } = DefaultApprovalTimeout;

    /// <summary>The <c>aws</c> section: which account each env deploys to, subnet overrides.</summary>
    public Aws.AwsSettings Aws { get; init; } = Foremast.Core.Config.Aws.AwsSettings.Empty;

    public IEnumerable<string> AllTypes => AwsTypes.Concat(GcpTypes).Concat(AwsManualTypes).Concat(GcpManualTypes).Distinct();

    public bool IsManualType(string type) => AwsManualTypes.Contains(type) || GcpManualTypes.Contains(type);

    public bool IsGcpType(string type) => GcpTypes.Contains(type) || GcpManualTypes.Contains(type);

    public bool IsEc2Type(string type) => Ec2PipelineTypes.Contains(type);
}
