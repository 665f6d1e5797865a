using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Foremast.Core.Validation.Spec;

namespace Foremast.Core.Validation.Schema;

/// <summary>
/// Prints the key spec as JSON Schema (draft 2020-12) for editors. Closed objects get
/// <c>additionalProperties: false</c> so editors flag typos as the user types; <c>foremast validate</c>
/// reports the same unknown keys as warnings.
/// </summary>
public static class SchemaGenerator
{
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    public const string PipelineFile = "pipeline.schema.json";

    public const string EnvironmentFile = "application-master.schema.json";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>File name → schema text, exactly as committed under <c>schemas/</c>.</summary>
    public static IReadOnlyDictionary<string, string> Files() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [PipelineFile] = ToText(Document(PipelineSpec.Root, PipelineFile, "Foremast runway/pipeline.json")),
        [EnvironmentFile] = ToText(Document(EnvironmentSpec.Root, EnvironmentFile, "Foremast runway/application-master-{env}.json")),
    };

    public static JsonObject Document(SpecNode root, string fileName, string title)
    {
        var schema = new JsonObject
        {
            ["$schema"] = Draft,
            ["$id"] = $"https://foremast.functions/schemas/{fileName}",
            ["title"] = title,
        };
        foreach (var (key, value) in Node(root, root, isRoot: true)) schema[key] = value?.DeepClone();
        return schema;
    }

    public static string ToText(JsonObject schema) => schema.ToJsonString(Indented) + "\n";

    private static JsonObject Node(SpecNode node, SpecNode root, bool isRoot = false)
    {
        // A region override is an env document again: refer back to the root instead of inlining it forever.
        if (!isRoot && ReferenceEquals(node, root)) return new JsonObject { ["$ref"] = "#" };

        var o = new JsonObject();
        if (node.Description is not null) o["description"] = node.Description;
        var types = node.Types.SchemaNames().ToArray();
        o["type"] = types.Length == 1 ? types[0] : new JsonArray([.. types.Select(t => (JsonNode)t)]);
        AddScalarRules(node, o);
        if (node.Types.HasFlag(JsonTypes.Object)) AddObjectRules(node, root, o);
        if (node.Items is not null) o["items"] = Node(node.Items, root);
        if (node.UniqueItems) o["uniqueItems"] = true;
        return o;
    }

    private static void AddScalarRules(SpecNode node, JsonObject o)
    {
        if (node.Enum is not null)
        {
            if (node.EnumIgnoresCase)
            {
                o["pattern"] = $"^(?:{string.Join("|", node.Enum.Select(StringFormat.AnyCase))})$";
            }
            else
            {
                var values = new JsonArray([.. node.Enum.Select(v => (JsonNode)v)]);
                if (node.IsNullable) values.Add(null);
                o["enum"] = values;
            }
        }

        if (node.Format is not null) o["pattern"] = node.Format.Pattern;
        if ((node.Types & (JsonTypes.Integer | JsonTypes.Number)) != 0)
        {
            o["minimum"] = node.Minimum;
            o["maximum"] = node.Maximum;
        }
    }

    private static void AddObjectRules(SpecNode node, SpecNode root, JsonObject o)
    {
        if (node.Variants is not null)
        {
            AddVariants(node, root, o);
            return;
        }

        if (node.Properties is not null)
        {
            o["properties"] = Properties(node.Properties, root);
            o["additionalProperties"] = false;
        }
        else if (node.Values is not null)
        {
            if (node.KeyFormat is not null) o["propertyNames"] = new JsonObject { ["pattern"] = node.KeyFormat.Pattern };
            o["additionalProperties"] = Node(node.Values, root);
        }

        AddRequired(node, o);
    }

    private static void AddVariants(SpecNode node, SpecNode root, JsonObject o)
    {
        var tag = node.Discriminator!;
        o["required"] = new JsonArray(tag);
        o["properties"] = new JsonObject { [tag] = new JsonObject { ["enum"] = new JsonArray([.. node.Variants!.Keys.Select(k => (JsonNode)k)]) } };
        var branches = new JsonArray();
        foreach (var (name, variant) in node.Variants)
        {
            var properties = Properties(variant.Properties!, root);
            properties.Insert(0, tag, true);
            var then = new JsonObject { ["properties"] = properties, ["additionalProperties"] = false };
            AddRequired(variant, then);
            branches.Add(new JsonObject
            {
                ["if"] = new JsonObject { ["properties"] = new JsonObject { [tag] = new JsonObject { ["const"] = name } } },
                ["then"] = then,
            });
        }

        o["allOf"] = branches;
    }

    private static JsonObject Properties(OrderedDictionary<string, SpecNode> properties, SpecNode root)
    {
        var result = new JsonObject();
        foreach (var (key, child) in properties) result[key] = Node(child, root);
        return result;
    }

    private static void AddRequired(SpecNode node, JsonObject o)
    {
        if (node.Required.Count == 0) return;
        var required = new JsonArray([.. node.Required.Select(k => (JsonNode)k)]);

        // "{}" means "not used" for these blocks, so the keys are only required once the block says anything.
        o[node.RequiredUnlessEmpty ? "anyOf" : "required"] = node.RequiredUnlessEmpty
            ? new JsonArray(new JsonObject { ["maxProperties"] = 0 }, new JsonObject { ["required"] = required })
            : required;
    }
}
