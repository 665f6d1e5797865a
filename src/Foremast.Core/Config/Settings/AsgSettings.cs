using System.Text.Json;

namespace Foremast.Core.Config.Settings;

/// <summary>The <c>asg</c> block of an env (reference §5.2) with Foremast's defaults (<c>configs.json</c>).</summary>
/// <param name="HcType">ELB or EC2 in any case; see <see cref="HealthCheckType"/> for the effective value.</param>
/// <param name="ScalingPolicy">v1 policy; <see cref="ScalingPolicySettings.IsEmpty"/> when the file has <c>{}</c>.</param>
/// <param name="CustomScalingPolicies">v2 policies, ignored when <see cref="ScalingPolicy"/> is set (as in Foremast).</param>
public sealed record AsgSettings(
    string HcType = "ELB",
    int HcGracePeriod = 180,
    int AppGracePeriod = 0,
    int MaxInst = 3,
    int MinInst = 1,
    string? SshKeypair = null,
    string SubnetPurpose = "internal",
    bool? EnablePublicIps = null,
    IReadOnlyDictionary<string, bool>? ProviderHealthcheck = null,
    ScalingPolicySettings? ScalingPolicy = null,
    IReadOnlyList<CustomScalingPolicySettings>? CustomScalingPolicies = null,
    IReadOnlyList<ScheduledActionSettings>? ScheduledActions = null)
{
    public static AsgSettings From(JsonElement envSettings) => StageSettings.Section(envSettings, "asg", new AsgSettings());

    /// <summary>Foremast forces EC2 health checks in the env literally named <c>dev</c> and for Eureka apps.</summary>
    public string HealthCheckType(string env, bool eurekaEnabled) =>
        env == "dev" || eurekaEnabled ? "EC2" : HcType.ToUpperInvariant();

    public int GracePeriod => HcGracePeriod + AppGracePeriod;

    public string KeyPair(string env, string region) => string.IsNullOrEmpty(SshKeypair) ? $"{env}_{region}_default" : SshKeypair;

    /// <summary>The v2 policies that apply: none when a v1 policy is set.</summary>
    public IReadOnlyList<CustomScalingPolicySettings> EffectiveCustomPolicies =>
        ScalingPolicy is { IsEmpty: false } ? [] : CustomScalingPolicies ?? [];
}
