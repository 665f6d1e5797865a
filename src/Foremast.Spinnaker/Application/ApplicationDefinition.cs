using System.Text.Json;
using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Core.Templates;
using Foremast.Spinnaker.Generator;
using Scriban.Runtime;

namespace Foremast.Spinnaker.Application;

/// <summary>
/// The createApplication task body for an app (Foremast's <c>SpinnakerApp.create</c>, reference foremast.md §9.1),
/// rendered from <c>infrastructure/app_data.json.sbn</c> so a <c>templates_path</c> can override it.
/// </summary>
public static class ApplicationDefinition
{
    public const string TemplateName = "infrastructure/app_data.json.sbn";

    /// <param name="email">The app owner's email (Foremast's <c>EMAIL</c>); front50 requires one.</param>
    /// <param name="cloudProvider">Foremast always sent <c>aws</c> (its PROVIDER default), even for GCP apps.</param>
    public static JsonObject Render(ConfigSnapshot snapshot, string email, string cloudProvider = "aws")
    {
        var store = TemplateStore.For(snapshot.Settings.TemplatesPath);
        Generator.Jinja.JinjaSupport.EnsureRegistered();
        var text = store.Render(TemplateName, Model(snapshot, email, cloudProvider));
        try
        {
            return JsonNode.Parse(text) as JsonObject
                ?? throw new InvalidOperationException($"template \"{TemplateName}\" ({store.LocationOf(TemplateName)}) did not render a JSON object");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"template \"{TemplateName}\" ({store.LocationOf(TemplateName)}) rendered invalid JSON: {e.Message}", e);
        }
    }

    private static ScriptObject Model(ConfigSnapshot snapshot, string email, string cloudProvider)
    {
        var pipeline = (ScriptObject)ScriptValues.From(snapshot.Pipeline)!;
        // Snapshot objects are shared and read-only; the two numbers are rewritten on a copy.
        var chaos = ScriptValues.Copy(pipeline["chaos_monkey"]);
        chaos["mean_time"] = ScriptValues.Numeric(chaos["mean_time"]);
        chaos["minimum_time"] = ScriptValues.Numeric(chaos["minimum_time"]);

        var model = new ScriptObject
        {
            ["app"] = snapshot.App,
            ["email"] = email,
            // Foremast sent the project and repo as given; only generated names are lower-cased.
            ["project"] = snapshot.GivenProject ?? snapshot.Project,
            ["repo"] = snapshot.GivenRepo ?? snapshot.Repo,
            ["cloud_provider"] = cloudProvider,
            ["permissions"] = pipeline["permissions"],
            ["chaos_monkey"] = chaos,
            ["traffic_guards"] = pipeline["traffic_guards"],
            ["instance_links"] = InstanceLinks(snapshot),
            ["pipeline"] = pipeline,
        };
        model.Import("json", new Func<object?, string>(ScriptValues.Json));
        return model;
    }

    /// <summary>
    /// <c>[links] default</c> overlaid by the app's <c>instance_links</c> with dict-update semantics: an app link
    /// replaces a default of the same title in place, new titles follow the defaults.
    /// </summary>
    private static ScriptArray InstanceLinks(ConfigSnapshot snapshot)
    {
        var links = new List<KeyValuePair<string, string>>(snapshot.Settings.DefaultLinks);
        if (snapshot.Pipeline.TryGetProperty("instance_links", out var own) && own.ValueKind == JsonValueKind.Object)
        {
            foreach (var link in own.EnumerateObject())
            {
                var path = link.Value.ValueKind == JsonValueKind.String ? link.Value.GetString()! : link.Value.GetRawText();
                var index = links.FindIndex(l => l.Key == link.Name);
                if (index >= 0) links[index] = new(link.Name, path);
                else links.Add(new(link.Name, path));
            }
        }

        var result = new ScriptArray();
        foreach (var (title, path) in links) result.Add(new ScriptObject { ["title"] = title, ["path"] = path });
        return result;
    }
}
