using System.Text.Json;
using Foremast.Core.Templates;
using Scriban.Runtime;

namespace Foremast.Aws.LoadBalancers.Desired;

/// <summary>
/// Foremast's optional certificate naming hook (<c>generate_custom_cert_name</c>): when <c>templates_path</c> holds
/// <c>infrastructure/iam/tlscert_naming.json.j2</c> (or <c>.sbn</c>), it is rendered with <c>account</c> and <c>name</c> and a listener's
/// certificate name is looked up in it, first in the v1 shape <c>{env: {name: arn}}</c>, then in the v2 shape
/// <c>{iam: {env: {name: arn}}, acm: {region: {env: {name: arn}}}}</c>. No template, or no entry: null (the caller falls back to
/// the IAM server certificate of that name).
/// </summary>
public static class CertificateNaming
{
    public const string Template = "infrastructure/iam/tlscert_naming.json.sbn";

    /// <exception cref="AwsConfigurationException">The template renders something that is not a JSON object.</exception>
    public static string? Lookup(string? templatesPath, string env, string region, string account, string name)
    {
        if (templatesPath is null) return null;
        var store = TemplateStore.For(templatesPath);
        if (!store.Exists(Template) || store.LocationOf(Template) == TemplateStore.BuiltInLocation) return null;

        JsonElement map;
        try
        {
            using var document = JsonDocument.Parse(store.Render(Template, new ScriptObject { ["account"] = account, ["name"] = name }));
            map = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new AwsConfigurationException($"{store.LocationOf(Template)}: the certificate naming template does not render JSON ({e.Message})");
        }

        if (map.ValueKind != JsonValueKind.Object)
            throw new AwsConfigurationException($"{store.LocationOf(Template)}: the certificate naming template must render a JSON object");
        return Find(map, env, name) ?? Find(map, "iam", env, name) ?? Find(map, "acm", region, env, name);
    }

    private static string? Find(JsonElement node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(key, out node)) return null;
        }

        return node.ValueKind == JsonValueKind.String && node.GetString() is { Length: > 0 } arn ? arn : null;
    }
}
