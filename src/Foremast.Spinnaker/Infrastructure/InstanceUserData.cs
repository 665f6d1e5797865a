using Foremast.Core.Templates;
using Foremast.Spinnaker.Generator;
using Scriban.Runtime;

namespace Foremast.Spinnaker.Infrastructure;

/// <summary>
/// Base64 user data for instances the engine launches itself: the deploy's (<c>infrastructure/user_data.sh.sbn</c>, the same
/// script the generated Spinnaker pipelines carry) and the bake builder's (<c>infrastructure/bake_user_data.sh.sbn</c>).
/// </summary>
public sealed class InstanceUserData(TemplateStore? templates = null)
{
    public const string BakeTemplate = "infrastructure/bake_user_data.sh.sbn";

    /// <param name="templatesPath">The global config's <c>templates_path</c> (files there override the built-in ones).</param>
    public string Deploy(string? templatesPath, string app, string group, string pipelineType, string env, string region)
    {
        var store = templates ?? TemplateStore.For(templatesPath);
        var context = JsonTemplateContext.Rent(store);
        var encoded = new UserData(store, context, app, group, pipelineType).Encoded(env, region, canary: false);
        JsonTemplateContext.Return(store, context);
        return encoded;
    }

    /// <summary>The builder's script: fetch and install the artifact, then power off (the baker's signal that the image can be taken).</summary>
    public string Bake(string? templatesPath, string app, string group, string region, string version, string artifactUrl)
    {
        var store = templates ?? TemplateStore.For(templatesPath);
        var context = JsonTemplateContext.Rent(store);
        var globals = new ScriptObject
        {
            ["app_name"] = app,
            ["group_name"] = group,
            ["region"] = region,
            // The values from outside the config: quoted for the shell, so a version or URL cannot run anything.
            ["version"] = ShellQuote(version),
            ["artifact_url"] = ShellQuote(artifactUrl),
        };
        context.EscapeStrings = false;
        string text;
        try
        {
            text = TemplateRenderer.Render(store, context, BakeTemplate, globals);
        }
        finally
        {
            context.EscapeStrings = true;
        }

        JsonTemplateContext.Return(store, context);
        return Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));
    }

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
