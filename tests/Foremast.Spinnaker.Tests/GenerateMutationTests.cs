using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Core.Templates;
using Foremast.Core.Validation;
using Foremast.Spinnaker.Generator;
using Foremast.Spinnaker.Lookups;
using Foremast.Tests.Shared;
using Xunit.Abstractions;

namespace Foremast.Spinnaker.Tests;

/// <summary>
/// Seeded random edits of the samples that still validate: generate must produce pipelines or fail with one of
/// its reported error kinds, never an unexpected exception.
/// </summary>
public class GenerateMutationTests(ITestOutputHelper output)
{
    private const int Seed = 20261130;
    private const int Mutations = 600;

    private static readonly JsonNode?[] Values =
    [
        null, true, false, 0, 1, -1, 2.5, 7200000.0, 99999999999, "", "x", "HTTPS:443", "TCP:8080", "HTTP:8080/health", "us-west-2", "prod",
        "redblack", "canary", "branchrelease", "10.0.0.0/8", "$self", "café \"quoted\" \\ back", new JsonArray(), new JsonObject(),
        new JsonArray("a", "b"), JsonNode.Parse("""{"Variables": {"A": "1"}}"""), JsonNode.Parse("""[{"url": "https://h.example.com", "name": "n"}]"""),
        JsonNode.Parse("""{"test_job": "qe", "test_params": {"a": 1}}"""),
    ];

    private static readonly string[] Keys =
    [
        "app", "asg", "elb", "regions", "deploy_strategy", "approval_timeout", "approval_skip", "scaling_policy", "completion_webhooks",
        "instance_type", "custom_tags", "min_inst", "max_inst", "ports", "target", "health", "qe", "lambda_environment", "subnet_purpose",
        "provider_healthcheck", "eureka_enabled", "canary", "ssh_keypair", "security_group", "dns", "s3", "type", "env", "owner_email",
        "notifications", "pipeline_notifications", "image", "base", "instance_links", "lambda", "services",
    ];

    [Fact]
    public void Generate_never_throws_unexpectedly_on_mutated_runways_that_validate()
    {
        var random = new Random(Seed);
        var samples = Fixtures.ScenarioNames.Select(s => (Texts: Texts(s), Settings: Settings(s), Lookups: JsonLookups.FromFile(Path.Combine(Fixtures.Scenario(s), "lookups.json")))).ToArray();
        int generated = 0, reported = 0, invalid = 0;
        for (var i = 0; i < Mutations; i++)
        {
            var (texts, settings, lookups) = samples[random.Next(samples.Length)];
            var mutated = new Dictionary<string, string>(texts, StringComparer.Ordinal);
            var description = Mutate(mutated, random);
            var result = RunwayLoader.FromTexts(mutated, settings, "forrest", "unicorn");
            if (!result.IsValid)
            {
                invalid++;
                continue;
            }

            try
            {
                _ = new PipelineGenerator().Generate(result.Snapshot!, lookups);
                generated++;
            }
            catch (Exception e) when (e is TemplateNotFoundException or InvalidOperationException or FormatException)
            {
                // What generate reports as one line (exit 1 or 2).
                output.WriteLine($"mutation {i} ({description}): {e.Message}");
                reported++;
            }
            catch (Exception e)
            {
                Assert.Fail($"mutation {i} ({description}) threw {e}");
            }
        }

        output.WriteLine($"{Mutations} mutations (seed {Seed}): {generated} generated, {reported} reported errors, {invalid} invalid");
        Assert.True(generated > Mutations / 4, $"only {generated} mutations generated");
    }

    private static string Mutate(Dictionary<string, string> texts, Random random)
    {
        var files = texts.Keys.Order(StringComparer.Ordinal).ToArray();
        var file = files[random.Next(files.Length)];
        var root = JsonNode.Parse(texts[file])!;
        var objects = new List<JsonObject>();
        Collect(root, objects);
        var target = objects[random.Next(objects.Count)];
        var key = random.Next(3) == 0 && target.Count > 0 ? target.ElementAt(random.Next(target.Count)).Key : Keys[random.Next(Keys.Length)];
        var value = Values[random.Next(Values.Length)]?.DeepClone();
        target[key] = value;
        texts[file] = root.ToJsonString();
        return $"{file}: {target.GetPath()}.{key} = {value?.ToJsonString() ?? "null"}";
    }

    private static void Collect(JsonNode? node, List<JsonObject> into)
    {
        switch (node)
        {
            case JsonObject o:
                into.Add(o);
                foreach (var (_, child) in o) Collect(child, into);
                break;
            case JsonArray a:
                foreach (var child in a) Collect(child, into);
                break;
        }
    }

    private static Dictionary<string, string> Texts(string scenario) =>
        Directory.EnumerateFiles(Fixtures.ScenarioRunway(scenario), "*.json").ToDictionary(p => Path.GetFileName(p), File.ReadAllText, StringComparer.Ordinal);

    private static ForemastSettings Settings(string scenario)
    {
        var diagnostics = new List<Diagnostic>();
        return ForemastSettingsLoader.Load(Fixtures.ScenarioConfig(scenario), diagnostics);
    }
}
