using System.Text.Json;

namespace Foremast.Core.Config.Settings;

/// <summary>
/// What the EC2 deploy reads from an env document besides <c>asg</c>: the strategy, the instance settings of <c>app</c>, the
/// load balancer kind of <c>elb</c> and the extra instance security groups. Spinnaker's cluster fields Foremast hard-coded
/// (<c>maxRemainingAsgs: 2</c>, <c>scaleDown: true</c>) keep their values.
/// </summary>
/// <param name="InstanceProfile">Null means the app's default profile (<c>iam_profile</c> format).</param>
/// <param name="ElbType"><c>classic</c> (default), <c>application</c> or <c>network</c>.</param>
public sealed record DeploySettings(
    string DeployStrategy = "highlander",
    string InstanceType = "t2.micro",
    string? InstanceProfile = null,
    IReadOnlyDictionary<string, string>? CustomTags = null,
    bool EurekaEnabled = false,
    string ElbType = "classic",
    IReadOnlyList<string>? InstanceExtras = null,
    int MaxRemainingAsgs = 2,
    bool ScaleDown = true)
{
    public const string Highlander = "highlander", RedBlack = "redblack";

    public bool UsesTargetGroup => ElbType is "application" or "network";

    public static DeploySettings From(JsonElement envSettings)
    {
        var app = Object(envSettings, "app");
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Object(app, "custom_tags") is { ValueKind: JsonValueKind.Object } custom)
        {
            foreach (var p in custom.EnumerateObject()) tags[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
        }

        var extras = Object(Object(envSettings, "security_group"), "instance_extras") is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];
        return new DeploySettings(
            String(envSettings, "deploy_strategy") ?? Highlander,
            String(app, "instance_type") ?? "t2.micro",
            String(app, "instance_profile"),
            tags,
            Object(app, "eureka_enabled").ValueKind == JsonValueKind.True,
            String(Object(envSettings, "elb"), "type") ?? "classic",
            extras);
    }

    private static JsonElement Object(JsonElement parent, string key) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(key, out var value) ? value : default;

    private static string? String(JsonElement parent, string key) =>
        Object(parent, key) is { ValueKind: JsonValueKind.String } s && s.GetString() is { Length: > 0 } text ? text : null;
}
