using System.Text.Json.Nodes;
using Foremast.Spinnaker.Infrastructure;
using Foremast.Tests.Shared;

namespace Foremast.Spinnaker.Tests;

/// <summary>The IAM templates against the documents Foremast sent to AWS in the recorded infra runs.</summary>
public class IamPoliciesTests
{
    public static TheoryData<string> RecordedScenarios => new(Fixtures.ScenarioNames.Where(s => RecordedCall(s, "create_role") is not null));

    [Theory]
    [MemberData(nameof(RecordedScenarios))]
    public void Trust_and_role_policy_equal_foremasts_when_rendered_for_a_recorded_infra_run(string scenario)
    {
        var builder = new ScenarioBuilder(scenario);
        var snapshot = builder.Load();
        var iam = new IamPolicies();

        var trust = iam.TrustPolicy(snapshot);
        var policy = iam.RolePolicy(snapshot, "dev", builder.Lookups());

        var expectedTrust = JsonNode.Parse(RecordedCall(scenario, "create_role")!["kwargs"]!["AssumeRolePolicyDocument"]!.GetValue<string>());
        Assert.Null(JsonDiff.FirstDifference(expectedTrust, trust));
        var expectedPolicy = RecordedCall(scenario, "put_role_policy") is { } put ? JsonNode.Parse(put["kwargs"]!["PolicyDocument"]!.GetValue<string>()) : null;
        Assert.Null(JsonDiff.FirstDifference(expectedPolicy, policy));
    }

    [Fact]
    public void Lambda_policy_adds_network_interface_actions_when_the_function_runs_in_a_vpc()
    {
        var builder = new ScenarioBuilder("02-lambda-triggers").Edit("pipeline.json", p => p["lambda"]!["vpc_enabled"] = true);

        var policy = new IamPolicies().RolePolicy(builder.Load(), "dev", builder.Lookups())!;

        var lambda = policy["Statement"]!.AsArray().Single(s => s!["Sid"]?.GetValue<string>() == "LambdaFunctionAccess")!;
        Assert.Contains("ec2:CreateNetworkInterface", lambda["Action"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public void Every_service_template_renders_statements_when_given_items()
    {
        var builder = new ScenarioBuilder("01-ec2-3env-2region").Edit("pipeline.json", p => p["services"] = new JsonObject
        {
            ["athena"] = true, ["cloudformation"] = true, ["cloudwatch"] = true, ["cloudwatchlogs"] = true, ["datapipeline"] = true,
            ["dynamodb"] = new JsonArray("t1", "t2"), ["elasticache"] = "c1", ["elasticsearch"] = new JsonArray("d1"), ["emr"] = true,
            ["firehose"] = new JsonArray("f1"), ["glue"] = true, ["kinesis"] = new JsonArray("k1"), ["kms"] = new JsonArray("key1"), ["lambda"] = true,
            ["mediaconvert"] = true, ["parameterstore"] = true, ["rds-data"] = true, ["rds-db"] = new JsonArray("db-1"), ["redshift-data"] = true,
            ["s3"] = true, ["sdb"] = new JsonArray("sd1"), ["secretsmanager"] = new JsonArray("s1"), ["ses"] = true, ["sns"] = true, ["sqs"] = true, ["xray"] = true,
        });

        var policy = new IamPolicies().RolePolicy(builder.Load(), "dev", builder.Lookups())!;

        var statements = policy["Statement"]!.AsArray();
        Assert.Equal(29, statements.Count); // 26 services; dynamodb, firehose and s3 give two statements each
        var dynamo = statements.First(s => s!["Sid"]?.GetValue<string>() == "DynamoDBReadWrite")!;
        Assert.Equal(4, dynamo["Resource"]!.AsArray().Count);
        // s3 = true: Foremast's template gives empty resource lists (orgs override the template).
        Assert.Empty(statements.First(s => s!["Sid"]?.GetValue<string>() == "BrowseBucket")!["Resource"]!.AsArray());
        Assert.Equal("arn:aws:rds-db:us-east-1:111111111111:dbuser:db-1/unicornforrest", statements.First(s => s!["Sid"]?.GetValue<string>() == "RDSDBConnectAccess")!["Resource"]![0]!.GetValue<string>());
    }

    private static JsonNode? RecordedCall(string scenario, string operation)
    {
        var file = Path.Combine(Fixtures.Scenario(scenario), "output", "aws-api-calls", "prepare-infrastructure.dev.us-east-1.json");
        if (!File.Exists(file)) return null;
        return JsonNode.Parse(File.ReadAllText(file))!.AsArray().FirstOrDefault(c => c!["op"]?.GetValue<string>() == operation);
    }
}
