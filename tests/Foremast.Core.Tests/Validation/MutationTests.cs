using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Foremast.Core.Config;
using Foremast.Core.Validation;
using Foremast.Tests.Shared;
using Xunit.Abstractions;

namespace Foremast.Core.Tests.Validation;

/// <summary>Randomly broken copies of the samples: loading must never throw, and every failure must be a diagnostic.</summary>
public partial class MutationTests(ITestOutputHelper output)
{
    private const int Seed = 20261127;
    private const int Mutations = 1500;

    private static readonly JsonNode?[] Junk =
    [
        null, true, false, 0, -1, 3.5, 99999999999, JsonNode.Parse("1e400"), "", "x", "HTTP:0", "TCP:8080", "us-east-1", "dev",
        new JsonArray(), new JsonObject(), new JsonArray(1, "a", null), new JsonObject { ["a"] = 1 }, new string('z', 500),
    ];

    /// <summary>Values of the right type that only domain rules catch: bad CIDRs, protocols, regions, strategies, schedules, names.</summary>
    private static readonly JsonNode?[] Plausible =
    [
        "10.0.0.0/33", "10.0.0.256/8", "10.1/8", "tpc", "all", "icmp", "-1", "us-est-1", "us-central1", "eu-west-9", "branchrelease",
        "rollingpush", "canary", "HTTPS:443", "TLS:443", "TCP:8080", "SSL:443/x", "rate(5 minute)", "rate(0 hours)", "cron(0 12 * * MON *)",
        "cron(61 * * * ? *)", "elb_logs", "Bucket", "$slef", "pipeline.completed", "stepfunction", "datapipeline", "s3", "lambda",
        "https://sqs.us-east-1.amazonaws.com/1/q", "arn:aws:kinesis:us-east-1:1:stream/x", "prodp", "café", -1, 7200, 30, 0, 65536,
    ];

    private static readonly string[] KeyNames =
    [
        "type", "env", "asg", "min_inst", "max_inst", "elb", "ports", "regions", "us-west-2", "app", "approval_skip", "lambda_triggers",
        "scaling_policy", "ingress", "start_port", "end_port", "target", "deploy_strategy", "min_instnace", "$self", "10.0.0.0/8", "",
        "10.0.0.0/33", "us-est-1", "primary_region", "protocol", "schedule", "bucket_name", "certificate", "health", "timeout", "interval",
    ];

    [Fact]
    public void Mutated_runways_never_throw_and_fail_only_with_diagnostics()
    {
        var random = new Random(Seed);
        var scenarios = Fixtures.ScenarioNames.ToArray();
        var samples = scenarios.Select(s => (Texts: Runways.Texts(s), Settings: Runways.Settings(s))).ToArray();
        var invalid = 0;
        for (var i = 0; i < Mutations; i++)
        {
            var (texts, settings) = samples[random.Next(samples.Length)];
            var mutated = new Dictionary<string, string>(texts, StringComparer.Ordinal);
            var description = Mutate(mutated, random);

            LoadResult result;
            try
            {
                result = RunwayLoader.FromTexts(mutated, settings, "forrest", "unicorn");
            }
            catch (Exception e)
            {
                Assert.Fail($"mutation {i} ({description}) threw {e}");
                return;
            }

            AssertWellFormed(result, i, description);
            if (!result.IsValid) invalid++;
        }

        output.WriteLine($"{Mutations} mutations (seed {Seed}): {invalid} invalid, {Mutations - invalid} valid");
        Assert.InRange(invalid, Mutations / 4, Mutations - 1);
    }

    private static void AssertWellFormed(LoadResult result, int i, string description)
    {
        var errors = result.Errors.ToList();
        if (result.Snapshot is null) Assert.True(errors.Count > 0, $"mutation {i} ({description}): no snapshot but no error either");
        else Assert.True(errors.Count == 0, $"mutation {i} ({description}): a snapshot despite {string.Join("; ", errors)}");

        foreach (var d in result.Diagnostics)
        {
            Assert.False(string.IsNullOrEmpty(d.File) || string.IsNullOrEmpty(d.Message), $"mutation {i} ({description}): blank diagnostic {d}");
            Assert.True(d.Path.StartsWith('$') || LineColumn().IsMatch(d.Path), $"mutation {i} ({description}): path {d.Path} in {d}");
        }
    }

    private static string Mutate(Dictionary<string, string> texts, Random random)
    {
        var files = texts.Keys.Order(StringComparer.Ordinal).ToArray();
        var file = files[random.Next(files.Length)];
        switch (random.Next(10))
        {
            case 0:
                return TextMutation(texts, file, random);
            case 1:
                texts.Remove(file);
                return $"removed {file}";
            case 2:
                texts["application-master-qa.json"] = texts[files[random.Next(files.Length)]];
                return "added an env file no config lists";
            case 3:
            case 4:
                return PlausibleMutation(texts, file, random);
            default:
                var root = JsonNode.Parse(texts[file])!;
                var steps = 1 + random.Next(3);
                var what = new List<string>(steps);
                for (var s = 0; s < steps; s++) what.Add(TreeMutation(root, random));
                texts[file] = root.ToJsonString();
                return $"{file}: {string.Join(", ", what)}";
        }
    }

    /// <summary>Replaces a string or number with a value of a plausible shape that is still wrong (or sets one on a random object).</summary>
    private static string PlausibleMutation(Dictionary<string, string> texts, string file, Random random)
    {
        var root = JsonNode.Parse(texts[file])!;
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var values = nodes.Where(n => n is JsonValue && n.Parent is not null).ToList();
        var value = Plausible[random.Next(Plausible.Length)]?.DeepClone();
        string what;
        if (values.Count == 0 || random.Next(4) == 0)
        {
            var objects = nodes.OfType<JsonObject>().ToList();
            if (objects.Count == 0) return "no change";
            var target = objects[random.Next(objects.Count)];
            var key = KeyNames[random.Next(KeyNames.Length)];
            target[key] = value;
            what = $"set {target.GetPath()}.{key} to {value?.ToJsonString()}";
        }
        else
        {
            var target = values[random.Next(values.Count)];
            what = $"replaced {target.GetPath()} with {value?.ToJsonString()}";
            switch (target.Parent)
            {
                case JsonObject po:
                    po[target.GetPropertyName()] = value;
                    break;
                case JsonArray pa:
                    pa[target.GetElementIndex()] = value;
                    break;
            }
        }

        texts[file] = root.ToJsonString();
        return $"{file}: {what}";
    }

    private static string TextMutation(Dictionary<string, string> texts, string file, Random random)
    {
        var text = texts[file];
        var at = random.Next(text.Length + 1);
        (texts[file], var what) = random.Next(5) switch
        {
            0 => (text[..at], $"truncated at {at}"),
            1 => (text.Insert(at, "{[,:\"}"[random.Next(6)].ToString()), $"inserted a character at {at}"),
            2 => (at < text.Length ? text.Remove(at, 1) : text, $"deleted the character at {at}"),
            3 => (new[] { "", "   ", "null", "[]", "42", "\"text\"", "{}" }[random.Next(7)], "replaced the whole file"),
            _ => (text.Replace(":", ": [", StringComparison.Ordinal), "opened arrays everywhere"),
        };
        return $"{file}: {what}";
    }

    /// <summary>Picks a random node of the document and changes it: junk value, deletion, new key, type flip or duplication.</summary>
    private static string TreeMutation(JsonNode root, Random random)
    {
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[random.Next(nodes.Count)];
        var parent = target.Parent;
        var kind = random.Next(5);
        if (parent is null || kind == 0)
        {
            if (target is JsonObject o)
            {
                var key = KeyNames[random.Next(KeyNames.Length)];
                o[key] = Junk[random.Next(Junk.Length)]?.DeepClone();
                return $"set {target.GetPath()}.{key}";
            }

            if (target is JsonArray a)
            {
                a.Add(Junk[random.Next(Junk.Length)]?.DeepClone());
                return $"appended to {target.GetPath()}";
            }
        }

        if (parent is null) return "no change";
        var path = target.GetPath();
        var replacement = kind switch
        {
            1 => null,
            2 => Flip(target),
            3 => target.DeepClone(),
            _ => Junk[random.Next(Junk.Length)]?.DeepClone(),
        };
        switch (parent)
        {
            case JsonObject po:
                var name = target.GetPropertyName();
                if (kind == 1) po.Remove(name);
                else if (kind == 3) po[name + "_copy"] = replacement;
                else po[name] = replacement;
                break;
            case JsonArray pa:
                var index = target.GetElementIndex();
                if (kind == 1) pa.RemoveAt(index);
                else if (kind == 3) pa.Insert(index, replacement);
                else pa[index] = replacement;
                break;
        }

        return $"{(kind switch { 1 => "deleted", 2 => "flipped the type of", 3 => "duplicated", _ => "replaced" })} {path}";
    }

    private static JsonNode? Flip(JsonNode node) => node switch
    {
        JsonObject o => new JsonArray([.. o.Select(p => p.Value?.DeepClone())]),
        JsonArray a => new JsonObject(a.Select((v, i) => KeyValuePair.Create(i.ToString(System.Globalization.CultureInfo.InvariantCulture), v?.DeepClone()))),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => JsonValue.Create(v.GetValue<string>().Length),
        _ => JsonValue.Create(node.ToJsonString()),
    };

    private static void Collect(JsonNode? node, List<JsonNode> into)
    {
        if (node is null) return;
        into.Add(node);
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o) Collect(child, into);
                break;
            case JsonArray a:
                foreach (var child in a) Collect(child, into);
                break;
        }
    }

    [GeneratedRegex("^[0-9]+:[0-9]+$")]
    private static partial Regex LineColumn();
}
