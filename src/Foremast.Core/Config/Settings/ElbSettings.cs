using System.Text.Json;
using System.Text.Json.Serialization;
using Foremast.Core.Validation.Spec;

namespace Foremast.Core.Config.Settings;

/// <summary>
/// The <c>elb</c> block of an env (reference §5.3) with Foremast's defaults from <c>configs.json.j2</c>; <c>type</c> is
/// Foremast.Functions' addition that selects an ELBv2 load balancer instead of Foremast's classic ELB.
/// </summary>
/// <param name="Ports">When present (even empty) it replaces the legacy single-listener keys (<c>i_port</c> and friends).</param>
/// <param name="IdleTimeout">Seconds; null means AWS's default (60).</param>
/// <param name="ConnectionDrainingTimeout">Seconds; null means draining disabled.</param>
public sealed record ElbSettings(
    string? Type = null,
    string SubnetPurpose = "internal",
    string Target = "TCP:8080",
    HealthSettings? Health = null,
    IReadOnlyList<ElbListenerSettings>? Ports = null,
    [property: JsonPropertyName("i_port")] int IPort = 8080,
    [property: JsonPropertyName("i_proto")] string IProto = "HTTP",
    int LbPort = 80,
    string LbProto = "HTTP",
    string? Certificate = null,
    IReadOnlyList<string>? Policies = null,
    IReadOnlyList<string>? ListenerPolicies = null,
    IReadOnlyList<string>? BackendPolicies = null,
    int? IdleTimeout = null,
    int? ConnectionDrainingTimeout = null,
    ElbAccessLogSettings? AccessLog = null)
{
    public static readonly ElbSettings Default = new();

    /// <summary><c>classic</c> unless <c>elb.type</c> says <c>application</c> or <c>network</c>.</summary>
    public string EffectiveType => string.IsNullOrEmpty(Type) ? ElbSpec.Classic : Type;

    public bool IsClassic => EffectiveType == ElbSpec.Classic;

    /// <summary>Foremast's <c>isInternal</c>: anything but <c>external</c> is internal.</summary>
    public bool IsInternal => SubnetPurpose != "external";

    public HealthSettings EffectiveHealth => Health ?? HealthSettings.Default;

    /// <summary>
    /// Foremast's <c>format_listeners</c>: the <c>ports</c> entries, or one listener from the legacy keys
    /// (<c>lb_proto:lb_port → i_proto:i_port</c> with <c>certificate</c>, <c>policies</c> + <c>listener_policies</c>, <c>backend_policies</c>).
    /// </summary>
    public IReadOnlyList<ElbListenerSettings> EffectiveListeners() =>
        Ports ?? [new ElbListenerSettings($"{LbProto}:{LbPort}", $"{IProto}:{IPort}", Certificate, Policies, ListenerPolicies, BackendPolicies)];

    /// <summary>The <c>elb</c> section of a merged env/region document; Foremast's defaults when absent.</summary>
    /// <exception cref="StageSettingsException">The section does not have this shape (the message names the JSON path).</exception>
    public static ElbSettings From(JsonElement settings) => StageSettings.Section(settings, "elb", Default);
}
