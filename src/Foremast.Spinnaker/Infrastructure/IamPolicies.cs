using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Core.Templates;
using Foremast.Spinnaker.Generator;
using Foremast.Spinnaker.Lookups;
using Scriban.Runtime;

namespace Foremast.Spinnaker.Infrastructure;

/// <summary>
/// The IAM documents of an app, from <c>templates/infrastructure/iam</c> (Foremast's <c>construct_policy</c> and
/// trust templates): the role's trust policy per pipeline type, and the inline policy built from <c>services</c>.
/// </summary>
public sealed class IamPolicies(TemplateStore? templates = null)
{
    /// <summary><c>infrastructure/iam/trust/{type}_role.json.sbn</c>: who may assume the app's role.</summary>
    public JsonObject TrustPolicy(ConfigSnapshot snapshot)
    {
        var name = $"infrastructure/iam/trust/{snapshot.PipelineType}_role.json.sbn";
        return Render(snapshot, name, new ScriptObject()) as JsonObject ?? throw new InvalidOperationException($"template \"{name}\" must render a JSON object");
    }

    /// <summary>
    /// The inline role policy for an env, or null when the app asks for no services. A service set to <c>true</c>
    /// gets no resource items, a string one item, a list its items; lambda apps always get the lambda service.
    /// Foremast renders these without a region, so its default <c>us-east-1</c> is used, as there.
    /// </summary>
    public JsonObject? RolePolicy(ConfigSnapshot snapshot, string env, IEnvironmentLookups lookups, string region = "us-east-1")
    {
        var model = SnapshotModel.For(snapshot);
        var services = new List<(string Name, object? Value)>();
        if (model.PipelineValue("services") is ScriptObject configured)
        {
            foreach (var (name, value) in configured) services.Add((name, value));
        }

        if (snapshot.PipelineType == "lambda")
        {
            var index = services.FindIndex(s => s.Name == "lambda");
            if (index >= 0) services[index] = ("lambda", true);
            else services.Add(("lambda", true));
        }

        if (services.Count == 0) return null;

        var statements = new JsonArray();
        foreach (var (service, value) in services)
        {
            var globals = new ScriptObject
            {
                ["items"] = Items(value),
                ["app"] = snapshot.App,
                ["env"] = env,
                ["group"] = model.Names.Project,
                ["region"] = region,
                ["account_number"] = lookups.AccountId(env) ?? "",
                ["settings"] = model.Pipeline,
            };
            var rendered = Render(snapshot, $"infrastructure/iam/{service}.json.sbn", globals);
            var items = rendered is JsonArray array ? array.ToList() : [rendered];
            if (rendered is JsonArray owner) owner.Clear();
            foreach (var statement in items) statements.Add(statement);
        }

        if (statements.Count == 0) return null;
        var wrapper = new ScriptObject { ["statements"] = new RawJson(statements.ToJsonString()) };
        return Render(snapshot, "infrastructure/iam/wrapper.json.sbn", wrapper) as JsonObject;
    }

    private static ScriptArray Items(object? value) => value switch
    {
        ScriptArray list => list,
        string one => ScriptValues.Array([one]),
        _ => [],
    };

    private JsonNode Render(ConfigSnapshot snapshot, string name, ScriptObject globals)
    {
        var store = templates ?? TemplateStore.For(snapshot.Settings.TemplatesPath);
        var context = JsonTemplateContext.Rent(store);
        var text = TemplateRenderer.Render(store, context, name, globals);
        JsonTemplateContext.Return(store, context);
        return JsonNode.Parse(text) ?? throw new InvalidOperationException($"template \"{name}\" rendered JSON null");
    }
}
