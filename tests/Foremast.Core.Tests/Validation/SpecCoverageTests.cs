using System.Text.Json.Nodes;
using Foremast.Core.Templates;
using Foremast.Core.Validation;
using Foremast.Core.Validation.Spec;
using Foremast.Tests.Shared;

namespace Foremast.Core.Tests.Validation;

/// <summary>The spec must know every key Foremast knows: the defaults templates, and the documented keys that have no default.</summary>
public class SpecCoverageTests
{
    public static TheoryData<string, string> Defaults => new()
    {
        { "00-defaults/application-master-env.defaults.rendered.json", "env" },
        { "00-defaults/pipeline.defaults.rendered.json", "pipeline" },
    };

    [Theory]
    [MemberData(nameof(Defaults))]
    public void Foremast_rendered_defaults_pass_the_spec_without_any_diagnostic(string file, string kind)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures.Foremast, file)));

        Assert.Empty(Walk(kind == "env" ? EnvironmentSpec.Root : PipelineSpec.Root, json));
    }

    [Theory]
    [InlineData("configs/configs.json.sbn", "env")]
    [InlineData("configs/pipeline.json.sbn", "pipeline")]
    public void Built_in_default_templates_pass_the_spec_without_any_diagnostic(string template, string kind)
    {
        var text = TemplateStore.For(null).Render(template, new { app = "unicornforrest", profile = "forrest_unicorn_profile" });

        Assert.Empty(Walk(kind == "env" ? EnvironmentSpec.Root : PipelineSpec.Root, JsonNode.Parse(text)));
    }

    [Theory]
    [InlineData("env", "security_groups.lambda_extras")]
    [InlineData("env", "completion_webhooks")]
    [InlineData("env", "elb.type")]
    [InlineData("env", "elb.ports")]
    [InlineData("env", "s3.shared_bucket_target")]
    [InlineData("env", "datapipeline.name")]
    [InlineData("env", "stepfunction.name")]
    [InlineData("env", "app.cloudfunction_environment")]
    [InlineData("env", "app.cloudfunction_allow_unauthenticated")]
    [InlineData("env", "app.cloudfunction_iam_bindings")]
    [InlineData("env", "app.cloudfunction_ingress_type")]
    [InlineData("env", "app.cloudfunction_vpc")]
    [InlineData("env", "app.cloudfunction_event_trigger")]
    [InlineData("pipeline", "services")]
    [InlineData("pipeline", "template_variables")]
    [InlineData("pipeline", "config_commit")]
    [InlineData("pipeline", "deployment")]
    public void Documented_key_without_a_default_is_in_the_spec(string kind, string dottedPath)
    {
        SpecNode? node = kind == "env" ? EnvironmentSpec.Root : PipelineSpec.Root;
        foreach (var key in dottedPath.Split('.'))
        {
            Assert.True(node?.Properties?.ContainsKey(key) == true, $"{dottedPath}: {key} is not in the spec");
            node = node!.Properties![key];
        }
    }

    [Fact]
    public void Every_lambda_trigger_type_of_the_reference_has_a_variant()
    {
        var variants = EnvironmentSpec.Root.Properties!["lambda_triggers"].Items!.Variants!;

        Assert.Equal(["api-gateway", "cloudwatch-event", "cloudwatch-logs", "dynamodb-stream", "kinesis-stream", "s3", "sns", "sqs"], variants.Keys.Order());
    }

    [Fact]
    public void Spec_is_built_once()
    {
        Assert.Same(EnvironmentSpec.Root, EnvironmentSpec.Root);
        Assert.Same(EnvironmentSpec.Root, EnvironmentSpec.Regions.Values);
    }

    private static List<Diagnostic> Walk(SpecNode spec, JsonNode? json)
    {
        var diagnostics = new List<Diagnostic>();
        new SpecWalker("defaults", diagnostics).Walk(spec, json, "$");
        return diagnostics;
    }
}
