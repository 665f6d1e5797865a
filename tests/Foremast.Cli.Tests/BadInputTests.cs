using System.Text.Json.Nodes;
using Foremast.Tests.Shared;

namespace Foremast.Cli.Tests;

/// <summary>
/// Scenario 01 with exactly one breakage per case: <c>foremast validate</c> must exit 2 and print the exact line.
/// </summary>
public class BadInputTests
{
    private const string Scenario = "01-ec2-3env-2region";
    private const string Pipeline = "pipeline.json";
    private const string Dev = "application-master-dev.json";
    private const string Stage = "application-master-stage.json";
    private const string Prod = "application-master-prod.json";

    private static readonly Dictionary<string, (string File, Func<string, string?> Edit, string Expected)> Table = new()
    {
        // Wrong types.
        ["count as a string"] = (Dev, Json(d => d["asg"]!["min_inst"] = "1"),
            "application-master-dev.json: $.asg.min_inst: expected an integer from 0 to 2147483647, got string \"1\""),
        ["string as a number"] = (Dev, Json(d => d["app"]!["instance_type"] = 3),
            "application-master-dev.json: $.app.instance_type: expected a string, got number 3"),
        ["flag as a string"] = (Prod, Json(d => d["dns"]!["failover_dns"] = "yes"),
            "application-master-prod.json: $.dns.failover_dns: expected true or false, got string \"yes\""),
        ["block as a string"] = (Dev, Json(d => d["elb"] = "internal"),
            "application-master-dev.json: $.elb: expected an object, got string \"internal\""),
        ["list as an object"] = (Dev, Json(d => d["lambda_triggers"] = new JsonObject()),
            "application-master-dev.json: $.lambda_triggers: expected an array, got an object"),
        ["pipeline type as a number"] = (Pipeline, Json(p => p["type"] = 5),
            "pipeline.json: $.type: expected a string, got number 5"),
        ["approval timeout as text"] = (Prod, Json(d => d["app"]!["approval_timeout"] = "2h"),
            "application-master-prod.json: $.app.approval_timeout: expected an integer from 0 to 2147483647 or null, got string \"2h\""),

        // Bad enums.
        ["unknown pipeline type"] = (Pipeline, Json(p => p["type"] = "ec3"),
            "pipeline.json: $.type: expected one of ec2, lambda, s3, datapipeline, stepfunction, rolling, cloudfunction, manual, got string \"ec3\""),
        ["unknown deploy strategy"] = (Prod, Json(d => d["deploy_strategy"] = "blue-green"),
            "application-master-prod.json: $.deploy_strategy: expected one of highlander, redblack, rollingredblack, rollingpush, monitored, custom, canary, alpha, mirror, branchrelease, got string \"blue-green\""),
        ["unknown elb subnet purpose"] = (Dev, Json(d => d["elb"]!["subnet_purpose"] = "public"),
            "application-master-dev.json: $.elb.subnet_purpose: expected one of internal, external, got string \"public\""),
        ["unknown elb type"] = (Dev, Json(d => d["elb"]!["type"] = "gateway"),
            "application-master-dev.json: $.elb.type: expected one of classic, application, network, got string \"gateway\""),
        ["unknown lambda trigger type"] = (Dev, Json(d => d["lambda_triggers"] = JsonNode.Parse("""[{"type": "cron"}]""")),
            "application-master-dev.json: $.lambda_triggers[0].type: expected one of api-gateway, cloudwatch-event, cloudwatch-logs, dynamodb-stream, kinesis-stream, sqs, sns, s3, got string \"cron\""),
        ["unknown state machine type"] = (Dev, Json(d => d["stepfunction"] = JsonNode.Parse("""{"statemachine_type": "FAST"}""")),
            "application-master-dev.json: $.stepfunction.statemachine_type: expected one of STANDARD, EXPRESS, got string \"FAST\""),
        ["http listener on a network load balancer"] = (Dev, Json(d => d["elb"]!["type"] = "network"),
            "application-master-dev.json: $.elb.ports[0].loadbalancer: expected a protocol a network load balancer supports (TCP, TLS, UDP, TCP_UDP), got string \"HTTP:80\""),

        // Cross-references.
        ["missing env file"] = (Stage, _ => null,
            "application-master-stage.json: $: missing: pipeline.json lists env \"stage\" but application-master-stage.json does not exist"),
        ["env not configured"] = (Pipeline, Json(p => p["env"]!.AsArray().Add("qa")),
            "pipeline.json: $.env: env \"qa\" is not one of the configured envs (base.envs: dev, stage, prod)"),
        ["env listed twice"] = (Pipeline, Json(p => p["env"]!.AsArray().Add("dev")),
            "pipeline.json: $.env[3]: expected a value not already listed, got duplicate string \"dev\" (also at [0])"),

        // Unreadable files.
        ["invalid JSON: missing value"] = (Prod, _ => "{\n  \"app\": {\"instance_type\": }\n}",
            "application-master-prod.json: 2:28: invalid JSON: '}' is an invalid start of a value"),
        ["invalid JSON: trailing comma"] = (Dev, _ => "{\n  \"asg\": {\"min_inst\": 1,}\n}",
            "application-master-dev.json: 2:25: invalid JSON: The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options"),
        ["invalid JSON: truncated"] = (Pipeline, t => t[..40],
            "pipeline.json: 3:20: invalid JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed"),
        ["invalid JSON: duplicate key"] = (Dev, _ => "{\"asg\": {\"min_inst\": 1,\n  \"min_inst\": 2}}",
            "application-master-dev.json: 2:3: invalid JSON: Duplicate property 'min_inst' encountered during deserialization"),
        ["empty pipeline file"] = (Pipeline, _ => "",
            "pipeline.json: $: file is empty (expected a JSON object)"),
        ["blank env file"] = (Stage, _ => "  \n ",
            "application-master-stage.json: $: file is empty (expected a JSON object)"),
        ["env file is a list"] = (Dev, _ => "[]",
            "application-master-dev.json: $: expected an object, got an array"),

        // Numbers out of range.
        ["count beyond int32"] = (Prod, Json(d => d["asg"]!["max_inst"] = 99999999999),
            "application-master-prod.json: $.asg.max_inst: expected an integer from 0 to 2147483647, got number 99999999999"),
        ["number beyond double"] = (Stage, Json(d => d["dns"]!["ttl"] = JsonNode.Parse("1e400")),
            "application-master-stage.json: $.dns.ttl: expected an integer from 0 to 2147483647, got number 1e400"),
        ["negative count"] = (Dev, Json(d => d["asg"]!["min_inst"] = -1),
            "application-master-dev.json: $.asg.min_inst: expected an integer from 0 to 2147483647, got number -1"),
        ["min above max"] = (Prod, Json(d => d["asg"]!["min_inst"] = 12),
            "application-master-prod.json: $.asg.min_inst: expected at most max_inst (9), got number 12"),
        ["port out of range"] = (Dev, Json(d => d["elb"]!["ports"]![0]!["instance"] = "HTTP:99999"),
            "application-master-dev.json: $.elb.ports[0].instance: expected \"PROTO:PORT\" such as \"HTTP:8080\" (PROTO one of HTTP, HTTPS, TCP, SSL, TLS, UDP, TCP_UDP; PORT 1-65535), got string \"HTTP:99999\""),

        // Wrong region form.
        ["regions as a string"] = (Dev, Json(d => d["regions"] = "us-east-1"),
            "application-master-dev.json: $.regions: expected an object {region: overrides} or a list of region names, got string \"us-east-1\""),
        ["region name without dashes"] = (Prod, Json(d => d["regions"] = JsonNode.Parse("""{"useast1": {}}""")),
            "application-master-prod.json: $.regions.useast1: expected a region name like \"us-east-1\", got key \"useast1\""),
        ["region list with a number"] = (Dev, Json(d => d["regions"] = JsonNode.Parse("""["us-east-1", 5]""")),
            "application-master-dev.json: $.regions[1]: expected a region name like \"us-east-1\", got number 5"),
        ["region override of the wrong type"] = (Stage, Json(d => d["regions"]!["us-west-2"]!["asg"]!["max_inst"] = "2"),
            "application-master-stage.json: $.regions.us-west-2.asg.max_inst: expected an integer from 0 to 2147483647, got string \"2\""),
        ["region override below the env minimum"] = (Stage, Json(d => d["regions"]!["us-west-2"] = JsonNode.Parse("""{"asg": {"max_inst": 1}}""")),
            "application-master-stage.json: $.regions.us-west-2.asg.max_inst: expected at least min_inst (2), got number 1"),

        // Formats.
        ["health check target without a colon"] = (Dev, Json(d => d["elb"]!["target"] = "HTTP8080"),
            "application-master-dev.json: $.elb.target: expected \"PROTO:PORT[/path]\" such as \"HTTP:8080/health\" or \"TCP:8080\" (a path only with HTTP or HTTPS; PORT 1-65535), got string \"HTTP8080\""),
        ["ingress rule as text"] = (Dev, Json(d => d["security_group"]!["ingress"]!["$self"] = new JsonArray("8080")),
            "application-master-dev.json: $.security_group.ingress.$self[0]: expected a port number from -1 to 65535 or an object {start_port, end_port, protocol, env}, got string \"8080\""),
        ["webhook without a scheme"] = (Stage, Json(d => d["completion_webhooks"]![0]!["url"] = "hooks.example.com/deployed"),
            "application-master-stage.json: $.completion_webhooks[0].url: expected an http:// or https:// URL, got string \"hooks.example.com/deployed\""),

        // Unknown-key typos that leave a required key missing: the error fails validation, the warning says why.
        ["typo in scaling policy threshold"] = (Prod, Json(d => d["asg"]!["scaling_policy"] = JsonNode.Parse("""{"metric": "CPUUtilization", "treshold": 60}""")),
            "application-master-prod.json: $.asg.scaling_policy.treshold: warning: unknown key \"treshold\" (ignored); did you mean \"threshold\"?"),
        ["typo in a listener key"] = (Dev, Json(d => d["elb"]!["ports"] = JsonNode.Parse("""[{"loadbalacner": "HTTP:80", "instance": "HTTP:8080"}]""")),
            "application-master-dev.json: $.elb.ports[0].loadbalacner: warning: unknown key \"loadbalacner\" (ignored); did you mean \"loadbalancer\"?"),
        ["typo in a trigger key"] = (Dev, Json(d => d["lambda_triggers"] = JsonNode.Parse("""[{"type": "sqs", "queue_ar": "arn:aws:sqs:us-east-1:1:q"}]""")),
            "application-master-dev.json: $.lambda_triggers[0].queue_ar: warning: unknown key \"queue_ar\" (ignored); did you mean \"queue_arn\"?"),
    };

    public static TheoryData<string> Cases => new(Table.Keys);

    [Fact]
    public void Table_has_at_least_25_cases()
    {
        Assert.True(Table.Count >= 25, $"{Table.Count} cases");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_exits_2_and_prints_the_exact_line_when_one_thing_is_broken(string name)
    {
        var (file, edit, expected) = Table[name];
        var (code, error) = ValidateBroken(file, edit);

        Assert.True(code == 2, $"exit {code}; stderr:\n{error}");
        Assert.Contains(expected, error.Split('\n', StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void Validate_exits_0_and_warns_with_a_suggestion_when_a_typo_breaks_nothing()
    {
        var (code, error) = ValidateBroken(Dev, Json(d => d["asg"]!["max_instances"] = 2));

        Assert.Equal(0, code);
        Assert.Equal("application-master-dev.json: $.asg.max_instances: warning: unknown key \"max_instances\" (ignored); did you mean \"max_inst\"?", error.Trim());
    }

    [Fact]
    public void Validate_reports_every_broken_file_at_once()
    {
        var dir = CopyScenario();
        try
        {
            foreach (var name in new[] { "count as a string", "unknown deploy strategy", "empty pipeline file", "region override of the wrong type" })
            {
                var (file, edit, _) = Table[name];
                File.WriteAllText(Path.Combine(dir, file), edit(File.ReadAllText(Path.Combine(dir, file)))!);
            }

            var (code, _, error) = CliRunner.Run("validate", dir, "--config", Fixtures.ScenarioConfig(Scenario));

            Assert.Equal(2, code);
            Assert.Equal("4 errors", error.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)[^1]);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static (int Code, string Error) ValidateBroken(string file, Func<string, string?> edit)
    {
        var dir = CopyScenario();
        try
        {
            var path = Path.Combine(dir, file);
            var edited = edit(File.ReadAllText(path));
            if (edited is null) File.Delete(path);
            else File.WriteAllText(path, edited);

            var (code, _, error) = CliRunner.Run("validate", dir, "--config", Fixtures.ScenarioConfig(Scenario));
            return (code, error);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static string CopyScenario()
    {
        var dir = Directory.CreateTempSubdirectory("runway-bad-").FullName;
        foreach (var file in Directory.EnumerateFiles(Fixtures.ScenarioRunway(Scenario))) File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        return dir;
    }

    private static Func<string, string?> Json(Action<JsonObject> edit) => text =>
    {
        var node = JsonNode.Parse(text)!.AsObject();
        edit(node);
        return node.ToJsonString();
    };
}
