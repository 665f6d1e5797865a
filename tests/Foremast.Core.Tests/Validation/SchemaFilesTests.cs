using System.Text.Json;
using System.Text.Json.Nodes;
using Foremast.Core.Validation;
using Foremast.Core.Validation.Schema;
using Foremast.Core.Validation.Spec;
using Foremast.Tests.Shared;
using Json.Schema;

namespace Foremast.Core.Tests.Validation;

public class SchemaFilesTests
{
    private static readonly Lazy<(JsonSchema Pipeline, JsonSchema Environment)> Schemas = new(() =>
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return (
            JsonSchema.FromText(File.ReadAllText(SchemaPath(SchemaGenerator.PipelineFile)), options),
            JsonSchema.FromText(File.ReadAllText(SchemaPath(SchemaGenerator.EnvironmentFile)), options));
    });

    public static TheoryData<string> RunwayFiles()
    {
        var data = new TheoryData<string>();
        foreach (var scenario in Fixtures.ScenarioNames)
        {
            foreach (var file in Directory.EnumerateFiles(Fixtures.ScenarioRunway(scenario), "*.json").Order()) data.Add(Path.GetRelativePath(Fixtures.Root, file));
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(Fixtures.Examples, "runway"), "*.json").Order()) data.Add(Path.GetRelativePath(Fixtures.Root, file));
        return data;
    }

    [Fact]
    public void Committed_schemas_equal_the_ones_generated_from_the_spec()
    {
        // To refresh after changing the spec: UPDATE_SCHEMAS=1 dotnet test tests/Foremast.Core.Tests
        // (or: dotnet run --project src/Foremast.Cli -- schema --out schemas).
        var update = Environment.GetEnvironmentVariable("UPDATE_SCHEMAS") == "1";
        foreach (var (name, text) in SchemaGenerator.Files())
        {
            var path = SchemaPath(name);
            if (update) File.WriteAllText(path, text);
            Assert.True(File.Exists(path), $"{path} is missing; run UPDATE_SCHEMAS=1 dotnet test tests/Foremast.Core.Tests");
            Assert.True(text == File.ReadAllText(path), $"schemas/{name} is out of date with the key spec; run UPDATE_SCHEMAS=1 dotnet test tests/Foremast.Core.Tests and commit the result");
        }
    }

    [Theory]
    [MemberData(nameof(RunwayFiles))]
    public void Sample_runway_file_passes_its_schema(string relativePath)
    {
        var file = Path.Combine(Fixtures.Root, relativePath);
        var results = SchemaFor(file).Evaluate(JsonElement.Parse(File.ReadAllText(file)), new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(results.IsValid, Describe(results));
    }

    [Theory]
    [InlineData("""{"asg": {"min_inst": "2"}}""", "$.asg.min_inst")]
    [InlineData("""{"asg": {"max_inst": 99999999999}}""", "$.asg.max_inst")]
    [InlineData("""{"deploy_strategy": "blue-green"}""", "$.deploy_strategy")]
    [InlineData("""{"elb": {"subnet_purpose": "public"}}""", "$.elb.subnet_purpose")]
    [InlineData("""{"elb": {"type": "gateway"}}""", "$.elb.type")]
    [InlineData("""{"elb": {"target": "TCP:8080/health"}}""", "$.elb.target")]
    [InlineData("""{"elb": {"ports": [{"loadbalancer": "HTTP80", "instance": "HTTP:8080"}]}}""", "$.elb.ports[0].loadbalancer")]
    [InlineData("""{"regions": {"useast1": {}}}""", "$.regions.useast1")]
    [InlineData("""{"regions": {"us-west-2": {"asg": {"max_inst": "4"}}}}""", "$.regions.us-west-2.asg.max_inst")]
    [InlineData("""{"lambda_triggers": [{"type": "sqs"}]}""", "$.lambda_triggers[0]")]
    [InlineData("""{"asg": {"scaling_policy": {"metric": "CPUUtilization"}}}""", "$.asg.scaling_policy")]
    [InlineData("""{"security_group": {"ingress": {"$self": ["80"]}}}""", "$.security_group.ingress.$self[0]")]
    [InlineData("""{"completion_webhooks": [{"url": "ftp://x"}]}""", "$.completion_webhooks[0].url")]
    public void Broken_env_file_fails_both_the_schema_and_the_validator(string json, string path)
    {
        var diagnostics = new List<Diagnostic>();
        new SpecWalker("f.json", diagnostics).Walk(EnvironmentSpec.Root, JsonNode.Parse(json), "$");
        var results = Schemas.Value.Environment.Evaluate(JsonElement.Parse(json));

        Assert.Contains(diagnostics, d => d.Severity == Severity.Error && d.Path == path);
        Assert.False(results.IsValid);
    }

    [Theory]
    [InlineData("""{"env": ["dev", "dev"]}""")]
    [InlineData("""{"image": {"root_volume_size": "8"}}""")]
    [InlineData("""{"primary_region": "east"}""")]
    public void Broken_pipeline_file_fails_both_the_schema_and_the_validator(string json)
    {
        var diagnostics = new List<Diagnostic>();
        new SpecWalker("pipeline.json", diagnostics).Walk(PipelineSpec.Root, JsonNode.Parse(json), "$");

        Assert.Contains(diagnostics, d => d.Severity == Severity.Error);
        Assert.False(Schemas.Value.Pipeline.Evaluate(JsonElement.Parse(json)).IsValid);
    }

    [Fact]
    public void Unknown_keys_fail_the_schema_so_editors_flag_typos()
    {
        Assert.False(Schemas.Value.Environment.Evaluate(JsonElement.Parse("""{"asg": {"min_instances": 1}}""")).IsValid);
        Assert.True(Schemas.Value.Environment.Evaluate(JsonElement.Parse("""{"app": {"custom_tags": {"any": "thing"}}, "qe": {"x": 1}}""")).IsValid);
    }

    private static JsonSchema SchemaFor(string file) =>
        Path.GetFileName(file) == "pipeline.json" ? Schemas.Value.Pipeline : Schemas.Value.Environment;

    private static string SchemaPath(string name) => Path.Combine(Fixtures.Root, "schemas", name);

    private static string Describe(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")));
}
