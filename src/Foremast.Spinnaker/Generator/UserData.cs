using Foremast.Core.Templates;
using Scriban.Runtime;

namespace Foremast.Spinnaker.Generator;

/// <summary>Base64 of <c>infrastructure/user_data.sh.sbn</c> (Foremast's <c>generate_encoded_user_data</c>).</summary>
internal sealed class UserData(TemplateStore store, JsonTemplateContext context, string app, string groupName, string pipelineType)
{
    public const string Template = "infrastructure/user_data.sh.sbn";

    public string Encoded(string env, string region, bool canary)
    {
        // prod, prodp and prods share one set of URLs, so the template gets all three spellings.
        var (c, p, s) = env is "prod" or "prodp" or "prods" ? ("prod", "prodp", "prods") : (env, env, env);
        var globals = new ScriptObject
        {
            ["env"] = env,
            ["env_c"] = c,
            ["env_p"] = p,
            ["env_s"] = s,
            ["region"] = region,
            ["app_name"] = app,
            ["group_name"] = groupName,
            ["pipeline_type"] = pipelineType,
            ["canary"] = canary,
        };
        // A shell script, not JSON: values go in as they are.
        context.EscapeStrings = false;
        string text;
        try
        {
            text = TemplateRenderer.Render(store, context, Template, globals);
        }
        finally
        {
            context.EscapeStrings = true;
        }

        return Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));
    }
}
