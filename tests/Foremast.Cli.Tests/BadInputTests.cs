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

        // Security groups.
        ["CIDR prefix beyond 32"] = (Dev, Json(d => d["security_group"]!["ingress"]!["10.0.0.0/33"] = new JsonArray(443)),
            "application-master-dev.json: $.security_group.ingress['10.0.0.0/33']: expected a CIDR block such as \"10.0.0.0/8\" (four octets 0-255, prefix 0-32), got key \"10.0.0.0/33\""),
        ["CIDR with a fifth octet"] = (Stage, Json(d => d["security_group"]!["ingress"] = JsonNode.Parse("""{"10.0.0.0.1/8": [443]}""")),
            "application-master-stage.json: $.security_group.ingress['10.0.0.0.1/8']: expected a CIDR block such as \"10.0.0.0/8\" (four octets 0-255, prefix 0-32), got key \"10.0.0.0.1/8\""),
        ["misspelt ingress protocol"] = (Dev, Json(d => d["security_group"]!["ingress"]!["coreforrest"]![0]!["protocol"] = "tpc"),
            "application-master-dev.json: $.security_group.ingress.coreforrest[0].protocol: expected one of tcp, udp, icmp, -1, all, got string \"tpc\""),
        ["all ports on a TCP rule"] = (Dev, Json(d => d["security_group"]!["ingress"]!["coreforrest"]![0]!["start_port"] = -1),
            "application-master-dev.json: $.security_group.ingress.coreforrest[0].start_port: expected a port from 0 to 65535 for protocol tcp (-1 means all ports only with protocol -1 or icmp), got number -1"),
        ["bare port -1"] = (Dev, Json(d => d["security_group"]!["ingress"]!["$self"] = new JsonArray(-1)),
            "application-master-dev.json: $.security_group.ingress.$self[0]: expected a TCP port from 0 to 65535 (a bare port is TCP), got number -1"),
        ["misspelt $self"] = (Dev, Json(d => d["security_group"]!["ingress"] = JsonNode.Parse("""{"$slef": [8080]}""")),
            "application-master-dev.json: $.security_group.ingress.$slef: expected $self, a security group name or a CIDR, got key \"$slef\"; did you mean \"$self\"?"),
        ["cross-account rule from an unknown env"] = (Prod, Json(d => d["security_group"]!["ingress"]!["stageapp"]![0]!["env"] = "stagin"),
            "application-master-prod.json: $.security_group.ingress.stageapp[0].env: expected one of the configured envs (dev, stage, prod), got string \"stagin\"; did you mean \"stage\"?"),

        // Load balancers.
        ["HTTPS listener without a certificate"] = (Dev, Json(d => d["elb"]!["ports"]![0]!["loadbalancer"] = "HTTPS:443"),
            "application-master-dev.json: $.elb.ports[0]: missing required key \"certificate\": a HTTPS listener needs a certificate name or ARN"),
        ["legacy SSL listener without a certificate"] = (Dev, Json(d => d["elb"] = JsonNode.Parse("""{"lb_proto": "SSL", "lb_port": 443, "i_proto": "TCP", "target": "TCP:8080"}""")),
            "application-master-dev.json: $.elb: missing required key \"certificate\": lb_proto SSL needs a certificate name or ARN"),
        ["health timeout not below the interval"] = (Dev, Json(d => d["elb"]!["health"] = JsonNode.Parse("""{"interval": 10, "timeout": 10}""")),
            "application-master-dev.json: $.elb.health.timeout: expected less than health.interval (10), got number 10"),
        ["classic health timeout above 60"] = (Dev, Json(d => d["elb"]!["health"] = JsonNode.Parse("""{"interval": 120, "timeout": 90}""")),
            "application-master-dev.json: $.elb.health.timeout: expected at most 60 seconds for a classic load balancer, got number 90"),
        ["TCP health check on an application load balancer"] = (Dev, Json(d => { d["elb"]!["type"] = "application"; d["elb"]!["target"] = "TCP:8080"; }),
            "application-master-dev.json: $.elb.target: expected a health check target an application load balancer can use (HTTP, HTTPS), got string \"TCP:8080\""),
        ["health threshold beyond AWS's limit"] = (Dev, Json(d => d["elb"]!["health"] = JsonNode.Parse("""{"unhealthy_threshold": 11}""")),
            "application-master-dev.json: $.elb.health.unhealthy_threshold: expected an integer from 2 to 10, got number 11"),

        // Regions, strategies, buckets, triggers.
        ["misspelt region"] = (Dev, Json(d => d["regions"] = JsonNode.Parse("""{"us-est-1": {}}""")),
            "application-master-dev.json: $.regions.us-est-1: expected a known AWS region (or one listed in the Foremast config's base.regions), got key \"us-est-1\"; did you mean \"us-east-1\"?"),
        ["GCP region on an AWS app"] = (Stage, Json(d => d["regions"] = JsonNode.Parse("""["us-central1"]""")),
            "application-master-stage.json: $.regions[0]: expected a known AWS region, got string \"us-central1\", a Google Cloud region (the pipeline type deploys to AWS)"),
        ["primary region no env deploys to"] = (Pipeline, Json(p => p["primary_region"] = "us-west-2"),
            "pipeline.json: $.primary_region: expected a region env \"dev\" deploys to (us-east-1), got string \"us-west-2\""),
        ["misspelt primary region"] = (Pipeline, Json(p => p["primary_region"] = "us-wets-2"),
            "pipeline.json: $.primary_region: expected a known AWS region (or one listed in the Foremast config's base.regions), got string \"us-wets-2\"; did you mean \"us-west-2\"?"),
        ["S3 upload strategy on an EC2 app"] = (Prod, Json(d => d["deploy_strategy"] = "branchrelease"),
            "application-master-prod.json: $.deploy_strategy: expected a Spinnaker cluster strategy for type ec2 (highlander, redblack, rollingredblack, rollingpush, monitored, custom), got string \"branchrelease\" (an S3 upload strategy)"),
        ["bucket name with an underscore"] = (Dev, Json(d => d["elb"]!["access_log"] = JsonNode.Parse("""{"bucket_name": "elb_logs", "bucket_prefix": "unicorn", "emit_interval": 5}""")),
            "application-master-dev.json: $.elb.access_log.bucket_name: expected a bucket name (3-63 characters of lowercase letters, digits, '.' and '-', starting and ending with a letter or digit), got string \"elb_logs\", which contains an underscore"),
        ["schedule with a singular unit"] = (Dev, Json(d => d["lambda_triggers"] = JsonNode.Parse("""[{"type": "cloudwatch-event", "rule_name": "tick", "schedule": "rate(5 minute)"}]""")),
            "application-master-dev.json: $.lambda_triggers[0].schedule: rate(5 minute) must be written rate(5 minutes), got string \"rate(5 minute)\""),
        ["cron with both day fields"] = (Dev, Json(d => d["lambda_triggers"] = JsonNode.Parse("""[{"type": "cloudwatch-event", "rule_name": "tick", "schedule": "cron(0 12 * * MON *)"}]""")),
            "application-master-dev.json: $.lambda_triggers[0].schedule: cron() needs \"?\" in exactly one of day-of-month and day-of-week, got string \"cron(0 12 * * MON *)\""),
        ["cron with five fields"] = (Dev, Json(d => d["lambda_triggers"] = JsonNode.Parse("""[{"type": "cloudwatch-event", "rule_name": "tick", "schedule": "cron(0 12 * * ?)"}]""")),
            "application-master-dev.json: $.lambda_triggers[0].schedule: cron() takes 6 fields (minutes hours day-of-month month day-of-week year), got 5, got string \"cron(0 12 * * ?)\""),
        ["schedule rule without a schedule"] = (Dev, Json(d => d["lambda_triggers"] = JsonNode.Parse("""[{"type": "cloudwatch-event", "rule_name": "tick", "rule_type": "schedule"}]""")),
            "application-master-dev.json: $.lambda_triggers[0]: missing required key \"schedule\" (a schedule rule needs a rate() or cron() expression)"),
        ["stream trigger that names no stream"] = (Dev, Json(d => d["lambda_triggers"] = JsonNode.Parse("""[{"type": "dynamodb-stream", "batch_size": 10}]""")),
            "application-master-dev.json: $.lambda_triggers[0]: missing required key \"stream_arn\" or \"table_arn\" (a dynamodb-stream trigger needs one to find its stream)"),
        ["queue named by URL instead of ARN"] = (Dev, Json(d => d["lambda_triggers"] = JsonNode.Parse("""[{"type": "sqs", "queue_arn": "https://sqs.us-east-1.amazonaws.com/1/q"}]""")),
            "application-master-dev.json: $.lambda_triggers[0].queue_arn: expected an ARN such as \"arn:aws:sqs:us-east-1:123456789012:...\", got string \"https://sqs.us-east-1.amazonaws.com/..."),
        ["step function without a definition"] = (Pipeline, Json(p => p["type"] = "stepfunction"),
            "application-master-dev.json: $: missing required key \"stepfunction.json_definition\": a stepfunction app needs its state machine definition (Amazon States Language), a non-empty JSON object"),
        ["data pipeline definition as text"] = (Pipeline, Json(p => p["type"] = "datapipeline"),
            "application-master-stage.json: $: missing required key \"datapipeline.json_definition\": a datapipeline app needs its pipeline definition (as exported from the console), a non-empty JSON object"),
        ["tag value that is an object"] = (Dev, Json(d => d["app"]!["custom_tags"]!["cost_center"] = new JsonObject { ["id"] = 1234 }),
            "application-master-dev.json: $.app.custom_tags.cost_center: expected a tag value (a string, number or true/false), got an object"),
        ["user text printed as typed"] = (Prod, Json(d => d["deploy_strategy"] = "rouge-vért"),
            "application-master-prod.json: $.deploy_strategy: expected one of highlander, redblack, rollingredblack, rollingpush, monitored, custom, canary, alpha, mirror, branchrelease, got string \"rouge-vért\""),

        // Unknown-key typos that leave a required key missing: the error fails validation, the warning says why.
        ["typo in scaling policy threshold"] = (Prod, Json(d => d["asg"]!["scaling_policy"] = JsonNode.Parse("""{"metric": "CPUUtilization", "treshold": 60}""")),
            "application-master-prod.json: $.asg.scaling_policy.treshold: warning: unknown key \"treshold\" (ignored); did you mean \"threshold\"?"),
        ["typo in a listener key"] = (Dev, Json(d => d["elb"]!["ports"] = JsonNode.Parse("""[{"loadbalacner": "HTTP:80", "instance": "HTTP:8080"}]""")),
            "application-master-dev.json: $.elb.ports[0].loadbalacner: warning: unknown key \"loadbalacner\" (ignored); did you mean \"loadbalancer\"?"),
        ["typo in a trigger key"] = (Dev, Json(d => d["lambda_triggers"] = JsonNode.Parse("""[{"type": "sqs", "queue_ar": "arn:aws:sqs:us-east-1:1:q"}]""")),
            "application-master-dev.json: $.lambda_triggers[0].queue_ar: warning: unknown key \"queue_ar\" (ignored); did you mean \"queue_arn\"?"),
    };

    /// <summary>Legal but probably unintended: exit 0, with the warning line.</summary>
    private static readonly Dictionary<string, (string File, Func<string, string?> Edit, string Expected)> WarningTable = new()
    {
        ["empty env list"] = (Pipeline, Json(p => p["env"] = new JsonArray()),
            "pipeline.json: $.env: warning: no envs: the pipeline deploys nowhere"),
        ["notification on an event that is never sent"] = (Pipeline, Json(p => p["pipeline_notifications"]![0]!["when"]![1] = "pipeline.completed"),
            "pipeline.json: $.pipeline_notifications[0].when[1]: warning: string \"pipeline.completed\" is not an event that is sent (pipeline.starting, pipeline.complete, pipeline.failed, checkpoint.waiting), so it never fires; did you mean \"pipeline.complete\"?"),
        ["approval timeout written in seconds"] = (Prod, Json(d => d["app"]!["approval_timeout"] = 7200),
            "application-master-prod.json: $.app.approval_timeout: warning: number 7200 is milliseconds: the checkpoint would time out in under a minute (for 7200 seconds write 7200000)"),
    };

    public static TheoryData<string> Cases => new(Table.Keys);

    public static TheoryData<string> WarningCases => new(WarningTable.Keys);

    [Theory]
    [MemberData(nameof(WarningCases))]
    public void Validate_exits_0_and_prints_the_exact_warning_for_what_is_legal_but_unintended(string name)
    {
        var (file, edit, expected) = WarningTable[name];
        var (code, error) = ValidateBroken(file, edit);

        Assert.True(code == 0, $"exit {code}; stderr:\n{error}");
        Assert.Contains(expected, error.Split('\n', StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void Names_longer_than_AWS_allows_are_a_warning_once_the_formats_apply()
    {
        var dir = CopyScenario();
        try
        {
            var (code, _, error) = CliRunner.Run("validate", dir, "--config", Fixtures.ScenarioConfig(Scenario), "--project", "forrest", "--repo", "unicorn-reporting-service-api");

            Assert.Equal(0, code);
            Assert.Contains("(names): $.formats.elb_app: warning: \"unicorn-reporting-service-apiforrest\" is 36 characters; AWS allows 32 for ELB and target group names (shorten the repo or project name, or set formats.elb_app)", error.Split('\n', StringSplitOptions.TrimEntries));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void An_env_file_differing_only_in_case_is_named_in_the_error()
    {
        var dir = CopyScenario();
        try
        {
            File.Move(Path.Combine(dir, Prod), Path.Combine(dir, "application-master-Prod.json"));

            var (code, _, error) = CliRunner.Run("validate", dir, "--config", Fixtures.ScenarioConfig(Scenario));

            Assert.Equal(2, code);
            Assert.Contains("application-master-prod.json: $: missing: pipeline.json lists env \"prod\" but application-master-prod.json does not exist (application-master-Prod.json differs only in case; rename it)", error.Split('\n', StringSplitOptions.TrimEntries));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void An_unreadable_pipeline_file_is_the_only_error()
    {
        var (code, error) = ValidateBroken(Pipeline, _ => "{\"type\": \"ec2\",\n \"env\": [\"dev\" \"prod\"]}");

        Assert.Equal(2, code);
        Assert.Equal(["pipeline.json: 2:16: invalid JSON: '\"' is invalid after a value. Expected either ',', '}', or ']'", "1 error"], CliRunner.Problems(error));
    }

    [Fact]
    public void A_prod_like_env_without_its_template_fails_validate_as_generate_would()
    {
        var dir = CopyScenario();
        var config = Path.Combine(dir, "foremast.json");
        try
        {
            var settings = JsonNode.Parse(File.ReadAllText(Fixtures.ScenarioConfig(Scenario)))!;
            settings["base"]!["envs"] = "dev,stage,prod,prodp";
            File.WriteAllText(config, settings.ToJsonString());
            File.Copy(Path.Combine(dir, Prod), Path.Combine(dir, "application-master-prodp.json"));
            var pipeline = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, Pipeline)))!;
            pipeline["env"]!.AsArray().Add("prodp");
            File.WriteAllText(Path.Combine(dir, Pipeline), pipeline.ToJsonString());

            var (code, _, error) = CliRunner.Run("validate", dir, "--config", config);

            Assert.Equal(2, code);
            Assert.Contains("pipeline.json: $.env[3]: template \"pipeline/pipeline_prodp.json.sbn\" not found; searched built-in templates (env \"prodp\" starts with \"prod\", so its stages come from pipeline_prodp; add it to templates_path)", error.Split('\n', StringSplitOptions.TrimEntries));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Manual_pipeline_files_that_are_missing_or_directories_fail_validate()
    {
        var dir = CopyScenario();
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "pipelines"));
            File.WriteAllText(Path.Combine(dir, Pipeline), """{"type": "manual", "env": ["dev"], "pipeline_files": ["pipelines", "deploy.json"]}""");

            var (code, _, error) = CliRunner.Run("validate", dir, "--config", Fixtures.ScenarioConfig(Scenario));
            var lines = error.Split('\n', StringSplitOptions.TrimEntries);

            Assert.Equal(2, code);
            Assert.Contains($"pipeline.json: $.pipeline_files[0]: expected a pipeline file, got the directory {Path.Combine(dir, "pipelines")}", lines);
            Assert.Contains($"pipeline.json: $.pipeline_files[1]: pipeline file not found: {Path.Combine(dir, "deploy.json")}", lines);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

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
        Assert.Equal(["application-master-dev.json: $.asg.max_instances: warning: unknown key \"max_instances\" (ignored); did you mean \"max_inst\"?"], CliRunner.Problems(error));
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
