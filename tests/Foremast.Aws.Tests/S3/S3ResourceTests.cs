using System.Text.Json.Nodes;
using Amazon.S3;
using Amazon.S3.Model;
using Foremast.Aws.Converge;
using Foremast.Aws.S3;
using Foremast.Aws.Tests.Support;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Aws.Tests.S3;

public sealed class S3ResourceTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string Policy = """{"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::BUCKET/*"}]}""";

    [Fact]
    public async Task Creates_the_app_bucket_as_configured_then_a_second_run_writes_nothing()
    {
        var log = new CallLog();
        var clients = AwsTestClients.Builder(moto.Url, log);
        var context = Site("one");

        var created = await new S3Resource(clients).ConvergeAsync(context, default);
        var firstCalls = log.Calls.Count;

        Assert.Equal("created s3 one-site: acl private; policy set; versioning Enabled; encryption AES256; tags app_group, app_name, cost, team", Line(created.Changes.Single()));
        var s3 = clients.Session(context.Target).S3;
        Assert.Equal(VersionStatus.Enabled, (await s3.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = "one-site" })).VersioningConfig.Status);
        Assert.Contains("arn:aws:s3:::one-site/*", (await s3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = "one-site" })).Policy);
        var tags = (await s3.GetBucketTaggingAsync(new GetBucketTaggingRequest { BucketName = "one-site" })).TagSet.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal(new Dictionary<string, string> { ["app_group"] = "one", ["app_name"] = "siteone", ["team"] = "web", ["cost"] = "42" }, tags);
        Assert.Equal("AES256", (await s3.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { BucketName = "one-site" })).ServerSideEncryptionConfiguration.ServerSideEncryptionRules.Single().ServerSideEncryptionByDefault.ServerSideEncryptionAlgorithm.Value);


        log.Clear();
        var again = await new S3Resource(clients).ConvergeAsync(context, default);

        Assert.Equal("unchanged s3 one-site", Line(again.Changes.Single()));
        Assert.Empty(log.Writes);
        Assert.Equal(6, log.Calls.Count);
        Assert.Equal(11, firstCalls);
    }

    [Fact]
    public async Task Changed_config_converges_policy_versioning_website_and_tags()
    {
        var log = new CallLog();
        var clients = AwsTestClients.Builder(moto.Url, log);
        var context = Site("two");
        await new S3Resource(clients).ConvergeAsync(context, default);
        var changed = context.WithSettings(s =>
        {
            var block = s["s3"]!.AsObject();
            block["bucket_policy"] = new JsonObject();
            block["versioning"] = new JsonObject { ["enabled"] = false };
            block["website"] = new JsonObject { ["enabled"] = true, ["index_suffix"] = "index.html", ["error_document"] = "oops.html" };
            block["tagging"] = new JsonObject { ["tags"] = new JsonObject { ["team"] = "shop" } };
        });

        log.Clear();
        var result = await new S3Resource(clients).ConvergeAsync(changed, default);

        Assert.Equal("updated s3 two-site: policy removed; website index.html, oops.html; versioning Suspended; tags team", Line(result.Changes.Single()));
        Assert.Equal(4, log.Writes.Count);
        var s3 = clients.Session(context.Target).S3;
        Assert.Equal(VersionStatus.Suspended, (await s3.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = "two-site" })).VersioningConfig.Status);
        Assert.Equal("oops.html", (await s3.GetBucketWebsiteAsync(new GetBucketWebsiteRequest { BucketName = "two-site" })).WebsiteConfiguration.ErrorDocument);
        Assert.Null(await S3Reads.OptionalAsync("test", "GetBucketPolicy", () => s3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = "two-site" })));

        log.Clear();
        Assert.Equal("unchanged", (await new S3Resource(clients).ConvergeAsync(changed, default)).Changes.Single().Verb);
        Assert.Empty(log.Writes);
    }

    [Fact]
    public async Task Outside_the_primary_region_the_bucket_name_carries_the_region()
    {
        var clients = AwsTestClients.Builder(moto.Url);
        var context = Site("three", region: "us-west-2");

        var result = await new S3Resource(clients).ConvergeAsync(context, default);

        Assert.Equal("three-site-us-west-2", result.Changes.Single().Name);
        var location = await clients.Session(context.Target).S3.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = "three-site-us-west-2" });
        Assert.Equal("us-west-2", location.Location.Value);
    }

    [Fact]
    public async Task Dry_run_reports_each_difference_before_and_unchanged_after()
    {
        var log = new CallLog();
        var clients = AwsTestClients.Builder(moto.Url, log);
        var context = Site("four");

        var before = await new S3Resource(clients).ConvergeAsync(context.Dry(), default);

        Assert.Equal("would create s3 four-site: acl private; policy set; versioning Enabled; encryption AES256; tags app_group, app_name, cost, team", Line(before.Changes.Single()));
        Assert.Empty(log.Writes);
        Assert.Empty((await clients.Session(context.Target).S3.ListBucketsAsync()).Buckets?.Where(b => b.BucketName == "four-site") ?? []);

        await new S3Resource(clients).ConvergeAsync(context, default);
        var pending = await new S3Resource(clients).ConvergeAsync(context.WithSettings(s => s["s3"]!["versioning"] = new JsonObject { ["enabled"] = false }).Dry(), default);
        Assert.Equal("would update s3 four-site: versioning Suspended", Line(pending.Changes.Single()));

        log.Clear();
        var after = await new S3Resource(clients).ConvergeAsync(context.Dry(), default);
        Assert.Equal("unchanged s3 four-site", Line(after.Changes.Single()));
        Assert.Empty(log.Writes);
    }

    [Fact]
    public async Task Archaius_properties_are_created_empty_once_and_never_overwritten()
    {
        var log = new CallLog();
        var clients = AwsTestClients.Builder(moto.Url, log);
        var context = StageContexts.Example(env: "stage", project: "arch", repo: "svc").WithSettings(s => s["app"]!["archaius_enabled"] = true);
        var s3 = clients.Session(context.Target).S3;
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = "archaius-stage" });

        var created = await new S3Resource(clients).ConvergeAsync(context, default);

        Assert.Equal("created s3 archaius-stage/arch/svcarch/application.properties: empty Archaius properties", Line(created.Changes.Single()));
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "archaius-stage", Key = "arch/svcarch/application.properties", ContentBody = "feature.x=true" });
        log.Clear();
        var again = await new S3Resource(clients).ConvergeAsync(context, default);
        Assert.Equal("unchanged", again.Changes.Single().Verb);
        Assert.Empty(log.Writes);
        using var body = await s3.GetObjectAsync("archaius-stage", "arch/svcarch/application.properties");
        Assert.Equal("feature.x=true", await new StreamReader(body.ResponseStream).ReadToEndAsync());
    }

    [Fact]
    public async Task Archaius_without_the_envs_bucket_is_a_clear_error()
    {
        var clients = AwsTestClients.Builder(moto.Url);
        var context = StageContexts.Example(env: "prod", project: "noarch", repo: "svc").WithSettings(s => s["app"]!["archaius_enabled"] = true);

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => new S3Resource(clients).ConvergeAsync(context, default));

        Assert.Equal("s3 archaius-prod/noarch/svcnoarch/application.properties: app.archaius_enabled is set but the Archaius bucket archaius-prod of env prod does not exist (format s3_bucket)", error.Message);
    }

    [Fact]
    public async Task Example_ec2_app_without_archaius_has_nothing_in_s3()
    {
        var log = new CallLog();
        var clients = AwsTestClients.Builder(moto.Url, log);

        var result = await new S3Resource(clients).ConvergeAsync(StageContexts.Example(), default);

        Assert.Empty(result.Changes);
        Assert.Empty(log.Calls);
    }

    [Fact]
    public async Task Permission_error_is_one_line_and_not_retried()
    {
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        proxy.Fail(FaultKind.AccessDenied, 10, c => c.Method == "PUT" && c.Path.TrimEnd('/') == "/five-site");
        var clients = AwsTestClients.Builder(proxy.Url);

        var error = await Assert.ThrowsAsync<AwsOperationException>(() => new S3Resource(clients).ConvergeAsync(Site("five"), default));

        Assert.Equal("s3 five-site: CreateBucket failed: AccessDenied: User: arn:aws:iam::123456789012:user/deployer is not authorized to perform this action", error.Message);
        Assert.Equal(1, proxy.Calls.Count(c => c.Method == "PUT"));
    }

    /// <summary>A type-s3 app <c>{project}-site</c> with policy, versioning, encryption and tags configured.</summary>
    private static AwsStageContext Site(string project, string region = "us-east-1") =>
        StageContexts.Example(region: region, project: project, repo: "site")
            .WithPipeline(p => p["type"] = "s3")
            .WithSettings(s =>
            {
                var block = s["s3"]!.AsObject();
                block["bucket_policy"] = JsonNode.Parse(Policy.Replace("BUCKET", $"{project}-site", StringComparison.Ordinal));
                block["versioning"] = new JsonObject { ["enabled"] = true };
                block["encryption"] = new JsonObject { ["enabled"] = true };
                block["tagging"] = new JsonObject { ["tags"] = new JsonObject { ["team"] = "web" } };
                s["app"]!["custom_tags"] = new JsonObject { ["cost"] = "42" };
            }) with { PipelineType = "s3" };

    private static string Line(ResourceChange c) => c.Detail is null ? $"{c.Verb} {c.Kind} {c.Name}" : $"{c.Verb} {c.Kind} {c.Name}: {c.Detail}";
}
