using System.Text.Json;
using Foremast.Core.Config;
using Foremast.Core.Plan;
using Foremast.Core.Tests.Config;

namespace Foremast.Core.Tests.Plan;

public class StagePlannerTests
{
    private static ConfigSnapshot Snapshot(string pipeline, IDictionary<string, string> envFiles, string settingsJson = "{}")
    {
        var texts = new Dictionary<string, string>(envFiles.Select(p => KeyValuePair.Create($"application-master-{p.Key}.json", p.Value))) { ["pipeline.json"] = pipeline };
        var settings = ForemastSettingsLoader.Parse(System.Text.Json.Nodes.JsonNode.Parse(settingsJson)!.AsObject(), "config.json", "/", new List<Foremast.Core.Validation.Diagnostic>());
        return RunwayLoader.FromTexts(texts, settings, "forrest", "unicorn").SnapshotOrThrow();
    }

    private static IEnumerable<string> Names(RegionPlan region) => region.Stages.Select(s => $"{s.RefId}:{s.Name}");

    [Fact]
    public void Plan_gives_one_pipeline_per_region_with_only_the_envs_deploying_there()
    {
        var plan = StagePlanner.Plan(RunwayLoaderTests.LoadScenario("01-ec2-3env-2region"));

        Assert.Equal(["us-east-1", "us-west-2"], plan.Regions.Select(r => r.Region));
        Assert.Equal(["dev", "stage", "prod"], plan.Regions[0].Envs.Select(e => e.Env));
        Assert.Equal(["stage", "prod"], plan.Regions[1].Envs.Select(e => e.Env));
        Assert.Equal("unicornforrest [us-west-2]", plan.Regions[1].PipelineName);
    }

    [Fact]
    public void Plan_numbers_stages_like_foremast_with_branches_off_the_deploy()
    {
        var plan = StagePlanner.Plan(RunwayLoaderTests.LoadScenario("01-ec2-3env-2region"));

        Assert.Equal(
            ["1:Bake [us-east-1]", "2:Infrastructure Setup [dev]", "3:Deploy dev", "4:Infrastructure Setup [stage]", "5:Deploy stage",
             "500:Attach Scaling Policy [stage]", "501:STAGE: Notify CMDB", "6:Checkpoint prod", "7:Infrastructure Setup [prod]", "8:Deploy prod",
             "800:Attach Scaling Policy [prod]"],
            Names(plan.Regions[0]));
        var checkpoint = plan.Regions[0].Stages.Single(s => s.Kind == StageKind.Checkpoint);
        Assert.Equal(["5"], checkpoint.RequisiteRefIds);
        Assert.Equal(TimeSpan.FromMilliseconds(7_200_000), checkpoint.Timeout);
    }

    [Fact]
    public void Checkpoint_is_not_placed_before_the_first_env_of_a_region()
    {
        var plan = StagePlanner.Plan(Snapshot("""{"env": ["dev", "stage"]}""", new Dictionary<string, string> { ["dev"] = "{}", ["stage"] = "{}" }));

        Assert.Equal(["1:Bake [us-east-1]", "2:Infrastructure Setup [dev]", "3:Deploy dev", "4:Checkpoint stage", "5:Infrastructure Setup [stage]", "6:Deploy stage"], Names(plan.Regions[0]));
    }

    [Fact]
    public void Checkpoint_is_always_placed_before_a_prod_env_even_when_it_comes_first()
    {
        var plan = StagePlanner.Plan(Snapshot("""{"env": ["prod"]}""", new Dictionary<string, string> { ["prod"] = "{}" }));

        Assert.Equal("2:Checkpoint prod", Names(plan.Regions[0]).ElementAt(1));
        Assert.Equal("pipeline/pipeline_prod.json.sbn", plan.Regions[0].Envs[0].Template);
    }

    [Fact]
    public void Approval_skip_is_ignored_unless_the_admin_config_allows_it_for_that_env()
    {
        var files = new Dictionary<string, string> { ["dev"] = "{}", ["stage"] = """{"app": {"approval_skip": true}}""" };

        var notAllowed = StagePlanner.Plan(Snapshot("""{"env": ["dev", "stage"]}""", files));
        var allowedElsewhere = StagePlanner.Plan(Snapshot("""{"env": ["dev", "stage"]}""", files, """{"base": {"env_configs": {"dev": {"enable_approval_skip": true}}}}"""));
        var allowed = StagePlanner.Plan(Snapshot("""{"env": ["dev", "stage"]}""", files, """{"base": {"env_configs": {"stage": {"enable_approval_skip": true}}}}"""));

        Assert.Contains(notAllowed.Regions[0].Stages, s => s.Name == "Checkpoint stage");
        Assert.Contains(allowedElsewhere.Regions[0].Stages, s => s.Name == "Checkpoint stage");
        Assert.DoesNotContain(allowed.Regions[0].Stages, s => s.Kind == StageKind.Checkpoint);
        Assert.True(allowed.Regions[0].Envs[1].ApprovalSkip);
        Assert.False(notAllowed.Regions[0].Envs[1].ApprovalSkip);
    }

    [Fact]
    public void Approval_skip_false_keeps_the_checkpoint_even_when_allowed()
    {
        var files = new Dictionary<string, string> { ["dev"] = "{}", ["stage"] = """{"app": {"approval_skip": false}}""" };

        var plan = StagePlanner.Plan(Snapshot("""{"env": ["dev", "stage"]}""", files, """{"base": {"env_configs": {"stage": {"enable_approval_skip": true}}}}"""));

        Assert.Contains(plan.Regions[0].Stages, s => s.Name == "Checkpoint stage");
    }

    [Fact]
    public void Env_without_subnets_in_a_region_is_left_out_and_the_next_env_has_no_checkpoint()
    {
        var files = new Dictionary<string, string> { ["dev"] = "{}", ["stage"] = "{}" };

        var plan = StagePlanner.Plan(Snapshot("""{"env": ["dev", "stage"]}""", files), (env, _) => env != "dev");

        Assert.Equal(["1:Bake [us-east-1]", "2:Infrastructure Setup [stage]", "3:Deploy stage"], Names(plan.Regions[0]));
    }

    [Fact]
    public void Onetime_plan_has_only_that_env_and_no_checkpoint_unless_prod()
    {
        var snapshot = RunwayLoaderTests.LoadScenario("01-ec2-3env-2region");

        var stage = StagePlanner.Plan(snapshot, onetimeEnv: "stage");
        var prod = StagePlanner.Plan(snapshot, onetimeEnv: "prod");

        Assert.Equal("unicornforrest [us-east-1] (onetime-stage)", stage.Regions[0].PipelineName);
        Assert.DoesNotContain(stage.Regions.SelectMany(r => r.Stages), s => s.Kind == StageKind.Checkpoint);
        Assert.All(prod.Regions, r => Assert.Contains(r.Stages, s => s.Kind == StageKind.Checkpoint));
    }

    [Fact]
    public void Webhooks_are_branches_in_non_prod_envs_only()
    {
        var hook = """{"completion_webhooks": [{"url": "https://h", "method": "post", "name": "Tell", "payload": {}}]}""";
        var plan = StagePlanner.Plan(Snapshot("""{"env": ["dev", "prod"]}""", new Dictionary<string, string> { ["dev"] = hook, ["prod"] = hook }));

        var hooks = plan.Regions[0].Stages.Where(s => s.Kind == StageKind.Webhook).ToList();
        Assert.Equal(["300:DEV: Tell"], hooks.Select(h => $"{h.RefId}:{h.Name}"));
        Assert.True(hooks[0].IsBranch);
    }

    [Fact]
    public void S3_canary_adds_a_pre_promote_checkpoint_and_promote_stage()
    {
        var plan = StagePlanner.Plan(Snapshot("""{"type": "s3", "env": ["dev"]}""", new Dictionary<string, string> { ["dev"] = """{"deploy_strategy": "canary"}""" }));

        Assert.Equal(["1:Infrastructure Setup S3 [dev]", "2:Deploy S3 [dev]", "3:Pre-Promote Checkpoint dev", "4:Promote S3 [dev]"], Names(plan.Regions[0]));
        Assert.Equal("pipeline/pipeline_stages_s3.json.sbn", plan.Regions[0].Envs[0].Template);
    }

    [Theory]
    [InlineData("lambda", new[] { "Infrastructure Setup Lambda [dev]", "Deploy Lambda [dev]" })]
    [InlineData("datapipeline", new[] { "Setup Data Pipeline [dev]" })]
    [InlineData("stepfunction", new[] { "Setup Step Function [dev]" })]
    public void Serverless_types_have_no_bake_and_their_own_stage_names(string type, string[] expected)
    {
        // Step Functions and Data Pipelines need a definition to validate.
        var env = type is "lambda" ? "{}" : "{\"" + type + "\": {\"json_definition\": {\"StartAt\": \"Go\"}}}";
        var plan = StagePlanner.Plan(Snapshot($$"""{"type": "{{type}}", "env": ["dev"]}""", new Dictionary<string, string> { ["dev"] = env }));

        Assert.Equal(expected, plan.Regions[0].Stages.Select(s => s.Name));
    }

    [Fact]
    public void Stage_definitions_carry_timeout_retry_and_failure_action()
    {
        var plan = StagePlanner.Plan(RunwayLoaderTests.LoadScenario("01-ec2-3env-2region"));
        var stages = plan.Regions[0].Stages;

        Assert.Equal(FailureAction.StopRegion, stages.Single(s => s.Kind == StageKind.Checkpoint).Definition.OnFailure);
        Assert.Equal(FailureAction.FailRegion, stages.First(s => s.Kind == StageKind.Deploy).Definition.OnFailure);
        Assert.Equal(TimeSpan.FromMinutes(15), stages[0].Timeout);
        Assert.True(stages.First(s => s.Kind == StageKind.Infrastructure).Definition.Retry.MaxAttempts > 1);
    }

    [Fact]
    public void Default_approval_timeout_comes_from_the_global_config()
    {
        var files = new Dictionary<string, string> { ["dev"] = "{}", ["stage"] = "{}" };

        var plan = StagePlanner.Plan(Snapshot("""{"env": ["dev", "stage"]}""", files, """{"base": {"approval_timeout": 600}}"""));
        var defaulted = StagePlanner.Plan(Snapshot("""{"env": ["dev", "stage"]}""", files));

        Assert.Equal(TimeSpan.FromMinutes(10), plan.Regions[0].Stages.Single(s => s.Kind == StageKind.Checkpoint).Timeout);
        Assert.Equal(TimeSpan.FromHours(72), defaulted.Regions[0].Stages.Single(s => s.Kind == StageKind.Checkpoint).Timeout);
    }
}
