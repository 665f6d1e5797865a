using System.Text.Json.Nodes;
using Foremast.Aws.Converge;
using Foremast.Aws.Iam;
using Foremast.Aws.Tests.Support;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Aws.Tests.Iam;

public sealed class IamResourceTests(MotoServer moto) : IClassFixture<MotoServer>
{
    [Fact]
    public async Task Creates_role_profile_policy_user_and_group_then_a_second_run_writes_nothing()
    {
        var log = new CallLog();
        var clients = AwsTestClients.Builder(moto.Url, log);
        var context = StageContexts.Example(project: "first", repo: "shop");

        var created = await new IamResource(clients).ConvergeAsync(context, default);
        var firstCalls = log.Calls.Count;

        Assert.Equal(
            ["created iam role/first_shop_role", "created iam instance-profile/first_shop_profile", "created iam policy/first_shop_policy", "created iam user/first_shop", "created iam group/first"],
            created.Changes.Select(c => $"{c.Verb} {c.Kind} {c.Name}"));
        var iam = new IamClient(clients.Session(context.Target).Iam);
        var role = await iam.GetRoleAsync("first_shop_role", default);
        Assert.Equal("ec2.amazonaws.com", JsonNode.Parse(role!.AssumeRolePolicyDocument)!["Statement"]![0]!["Principal"]!["Service"]!.GetValue<string>());
        Assert.Equal(["first_shop_role"], (await iam.GetInstanceProfileAsync("first_shop_profile", default))!.Roles);
        var policy = JsonNode.Parse((await iam.GetRolePolicyAsync("first_shop_role", "first_shop_policy", default))!)!;
        var actions = policy["Statement"]!.AsArray().SelectMany(s => s!["Action"] is JsonArray a ? a.Select(x => x!.GetValue<string>()) : [s["Action"]!.GetValue<string>()]).ToList();
        Assert.Contains("sqs:*", actions);
        Assert.Contains("s3:GetObject", actions);
        Assert.Contains("arn:aws:s3:::webshop-assets/*", policy.ToJsonString());
        Assert.Equal(["first_shop"], (await iam.GetGroupAsync("first", default))!.Users);

        log.Clear();
        var again = await new IamResource(clients).ConvergeAsync(context, default);

        Assert.All(again.Changes, c => Assert.Equal("unchanged", c.Verb));
        Assert.Equal(5, again.Changes.Count);
        Assert.Empty(log.Writes);
        Assert.Equal(["GetRole", "GetInstanceProfile", "GetRolePolicy", "GetUser", "GetGroup"], log.Calls.Select(c => c.Operation));
        Assert.Equal(12, firstCalls);
    }

    [Fact]
    public async Task Changed_services_rewrite_the_policy_and_removed_services_delete_it()
    {
        var log = new CallLog();
        var clients = AwsTestClients.Builder(moto.Url, log);
        var context = StageContexts.Example(project: "second", repo: "shop");
        await new IamResource(clients).ConvergeAsync(context, default);

        var withSns = context.WithPipeline(p => p["services"] = new JsonObject { ["s3"] = new JsonArray("webshop-assets"), ["sns"] = true });
        log.Clear();
        var updated = await new IamResource(clients).ConvergeAsync(withSns, default);

        Assert.Equal("updated iam policy/second_shop_policy: 1 statement(s) added, 1 removed", Line(updated.Changes.Single(c => c.Name.StartsWith("policy/", StringComparison.Ordinal))));
        Assert.Equal(["PutRolePolicy"], log.Writes.Select(w => w.Operation));
        var iam = new IamClient(clients.Session(context.Target).Iam);
        var policy = (await iam.GetRolePolicyAsync("second_shop_role", "second_shop_policy", default))!;
        Assert.Contains("sns:*", policy);
        Assert.DoesNotContain("sqs:*", policy);

        var without = context.WithPipeline(p => p.Remove("services"));
        log.Clear();
        var removed = await new IamResource(clients).ConvergeAsync(without, default);

        Assert.Equal("deleted iam policy/second_shop_policy: services no longer configured", Line(removed.Changes.Single(c => c.Name.StartsWith("policy/", StringComparison.Ordinal))));
        Assert.Equal(["DeleteRolePolicy"], log.Writes.Select(w => w.Operation));
        Assert.Null(await iam.GetRolePolicyAsync("second_shop_role", "second_shop_policy", default));
    }

    [Fact]
    public async Task Changed_pipeline_type_replaces_the_trust_policy()
    {
        var clients = AwsTestClients.Builder(moto.Url);
        var context = StageContexts.Example(project: "third", repo: "shop");
        await new IamResource(clients).ConvergeAsync(context, default);

        var lambda = context with { PipelineType = "lambda" };
        var result = await new IamResource(clients).ConvergeAsync(lambda.WithPipeline(p => p["type"] = "lambda"), default);

        Assert.Equal("updated iam role/third_shop_role: trust policy replaced by the one for pipeline type lambda", Line(result.Changes[0]));
        var role = await new IamClient(clients.Session(context.Target).Iam).GetRoleAsync("third_shop_role", default);
        Assert.Contains("lambda.amazonaws.com", role!.AssumeRolePolicyDocument);
    }

    [Fact]
    public async Task Profile_holding_another_role_gets_the_apps_role_back()
    {
        var clients = AwsTestClients.Builder(moto.Url);
        var context = StageContexts.Example(project: "sixth", repo: "shop");
        await new IamResource(clients).ConvergeAsync(context, default);
        var iam = new IamClient(clients.Session(context.Target).Iam);
        await iam.RemoveRoleFromInstanceProfileAsync("sixth_shop_profile", "sixth_shop_role", default);
        await iam.CreateRoleAsync("intruder_role", "{}", default);
        await iam.AddRoleToInstanceProfileAsync("sixth_shop_profile", "intruder_role", default);

        var result = await new IamResource(clients).ConvergeAsync(context, default);

        Assert.Equal("updated iam instance-profile/sixth_shop_profile: role sixth_shop_role (was intruder_role)", Line(result.Changes[1]));
        Assert.Equal(["sixth_shop_role"], (await iam.GetInstanceProfileAsync("sixth_shop_profile", default))!.Roles);
    }

    [Fact]
    public async Task Dry_run_reports_each_difference_before_and_only_unchanged_after()
    {
        var log = new CallLog();
        var clients = AwsTestClients.Builder(moto.Url, log);
        var context = StageContexts.Example(project: "fourth", repo: "shop");

        var before = await new IamResource(clients).ConvergeAsync(context.Dry(), default);

        Assert.Equal(
            ["would create iam role/fourth_shop_role", "would create iam instance-profile/fourth_shop_profile", "would create iam policy/fourth_shop_policy", "would create iam user/fourth_shop", "would create iam group/fourth"],
            before.Changes.Select(c => $"{c.Verb} {c.Kind} {c.Name}"));
        Assert.Empty(log.Writes);
        Assert.Null(await new IamClient(clients.Session(context.Target).Iam).GetRoleAsync("fourth_shop_role", default));

        await new IamResource(clients).ConvergeAsync(context, default);
        log.Clear();
        var after = await new IamResource(clients).ConvergeAsync(context.Dry(), default);

        Assert.All(after.Changes, c => Assert.Equal("unchanged", c.Verb));
        Assert.Empty(log.Writes);
    }

    [Fact]
    public async Task Pipeline_type_without_a_trust_template_is_a_clear_error_before_any_write()
    {
        var log = new CallLog();
        var clients = AwsTestClients.Builder(moto.Url, log);
        var context = StageContexts.Example(project: "seventh", repo: "shop") with { PipelineType = "manual" };

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => new IamResource(clients).ConvergeAsync(context.WithPipeline(p => p["type"] = "manual"), default));

        Assert.Equal("iam: pipeline type manual has no trust policy: template \"infrastructure/iam/trust/manual_role.json.sbn\" not found; searched built-in templates; add infrastructure/iam/trust/manual_role.json.sbn under base.templates_path", error.Message);
        Assert.Empty(log.Writes);
    }

    [Fact]
    public async Task Service_without_a_policy_template_fails_before_the_role_is_created()
    {
        var log = new CallLog();
        var clients = AwsTestClients.Builder(moto.Url, log);
        var context = StageContexts.Example(project: "eighth", repo: "shop").WithPipeline(p => p["services"] = new JsonObject { ["nosuch"] = true });

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => new IamResource(clients).ConvergeAsync(context, default));

        Assert.StartsWith("iam: pipeline.json services names a service without a policy template: template \"infrastructure/iam/nosuch.json.sbn\" not found", error.Message);
        Assert.Empty(log.Writes);
    }

    [Fact]
    public async Task Permission_error_is_one_line_naming_the_role_and_is_not_retried()
    {
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        proxy.Fail(FaultKind.AccessDenied, 10, c => c.Operation == "CreateRole");
        var clients = AwsTestClients.Builder(proxy.Url);
        var context = StageContexts.Example(project: "fifth", repo: "shop");

        var error = await Assert.ThrowsAsync<AwsOperationException>(() => new IamResource(clients).ConvergeAsync(context, default));

        Assert.Equal("iam role/fifth_shop_role: CreateRole failed: AccessDenied: User: arn:aws:iam::123456789012:user/deployer is not authorized to perform this action", error.Message);
        Assert.Equal(1, proxy.Calls.Count(c => c.Operation == "CreateRole"));
        Assert.DoesNotContain(proxy.Calls, c => c.Operation == "CreateInstanceProfile");
    }

    private static string Line(ResourceChange c) => c.Detail is null ? $"{c.Verb} {c.Kind} {c.Name}" : $"{c.Verb} {c.Kind} {c.Name}: {c.Detail}";
    [Fact]
    public async Task Profile_attached_by_another_region_between_read_and_write_is_accepted_not_failed()
    {
        var clients = AwsTestClients.Builder(moto.Url);
        var context = StageContexts.Example(project: "race", repo: "shop");
        await new IamResource(clients).ConvergeAsync(context, default);

        // The same env's Infrastructure Setup in another region attaches the role after this one read the profile empty:
        // the first read is answered without roles, moto then refuses the second role (LimitExceeded), as AWS does.
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        var reads = 0;
        proxy.Rewrite((call, body) => call.Operation == "GetInstanceProfile" && Interlocked.Increment(ref reads) == 1
            ? System.Text.RegularExpressions.Regex.Replace(body, "<Roles>.*?</Roles>", "<Roles/>", System.Text.RegularExpressions.RegexOptions.Singleline)
            : null);
        var result = await new IamResource(AwsTestClients.Builder(proxy.Url)).ConvergeAsync(context, default);

        Assert.Contains(result.Changes, c => c.Name == "instance-profile/race_shop_profile");
        Assert.Equal(1, proxy.Calls.Count(c => c.Operation == "AddRoleToInstanceProfile"));
        Assert.Equal(2, proxy.Calls.Count(c => c.Operation == "GetInstanceProfile"));
        Assert.Equal(["race_shop_role"], (await new IamClient(clients.Session(context.Target).Iam).GetInstanceProfileAsync("race_shop_profile", default))!.Roles);
    }
}
