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
        // HeadBucket and one read per part (policy, website, cors, logging, lifecycle, versioning, encryption, tags).
        Assert.Equal(9, log.Calls.Count);
        Assert.Equal(14, firstCalls);
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
    public async Task Website_cors_access_logging_and_lifecycle_converge_and_go_when_the_config_drops_them()
    {
        var log = new CallLog();
        var clients = AwsTestClients.Builder(moto.Url, log);
        var s3 = clients.Session(Site("six").Target).S3;
        // The log bucket exists already, writable by S3's log delivery (S3 refuses logging into a bucket without that grant).
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = "six-logs", CannedACL = S3CannedACL.LogDeliveryWrite });
        var context = Site("six").WithSettings(s =>
        {
            var block = s["s3"]!.AsObject();
            block["website"] = new JsonObject { ["enabled"] = true };
            block["cors"] = JsonNode.Parse("""{"enabled": true, "cors_rules": [{"cors_headers": ["*"], "cors_methods": ["GET", "HEAD"], "cors_origins": ["https://shop.example.com"], "cors_expose_headers": ["ETag"]}]}""");
            block["logging"] = JsonNode.Parse("""{"enabled": true, "logging_bucket": "six-logs"}""");
            block["lifecycle"] = JsonNode.Parse("""{"enabled": true, "lifecycle_rules": [{"ID": "old-builds", "Status": "Enabled", "Filter": {"Prefix": "builds/"}, "Expiration": {"Days": 30}}, {}]}""");
        });

        var created = await new S3Resource(clients).ConvergeAsync(context, default);

        Assert.Equal("created s3 six-site: acl private; policy set; website index.html, 404.html; cors 1 rule; logging to six-logs/sitesix/; lifecycle old-builds; versioning Enabled; encryption AES256; tags app_group, app_name, cost, team", Line(created.Changes.Single()));
        var cors = (await s3.GetCORSConfigurationAsync(new GetCORSConfigurationRequest { BucketName = "six-site" })).Configuration.Rules.Single();
        Assert.Equal(("GET,HEAD", "https://shop.example.com", "ETag", 600), (string.Join(',', cors.AllowedMethods), string.Join(',', cors.AllowedOrigins), string.Join(',', cors.ExposeHeaders), cors.MaxAgeSeconds));
        var logging = (await s3.GetBucketLoggingAsync(new GetBucketLoggingRequest { BucketName = "six-site" })).BucketLoggingConfig;
        Assert.Equal(("six-logs", "sitesix/"), (logging.TargetBucketName, logging.TargetPrefix));
        var rule = (await s3.GetLifecycleConfigurationAsync(new GetLifecycleConfigurationRequest { BucketName = "six-site" })).Configuration.Rules.Single();
        Assert.Equal(("old-builds", 30), (rule.Id, rule.Expiration.Days));

        log.Clear();
        Assert.Equal("unchanged", (await new S3Resource(clients).ConvergeAsync(context, default)).Changes.Single().Verb);
        Assert.Empty(log.Writes);

        // Website off takes CORS with it (Foremast's rule); logging and lifecycle switched off go too.
        var dropped = context.WithSettings(s =>
        {
            var block = s["s3"]!.AsObject();
            block["website"] = new JsonObject { ["enabled"] = false };
            block["logging"] = new JsonObject { ["enabled"] = false };
            block["lifecycle"] = new JsonObject { ["enabled"] = false };
        });
        var before = await new S3Resource(clients).ConvergeAsync(dropped.Dry(), default);
        log.Clear();
        var after = await new S3Resource(clients).ConvergeAsync(dropped, default);

        Assert.Equal("would update s3 six-site: website removed; cors removed; logging off; lifecycle removed", Line(before.Changes.Single()));
        Assert.Equal("updated s3 six-site: website removed; cors removed; logging off; lifecycle removed", Line(after.Changes.Single()));
        Assert.Equal(["DELETE /six-site/", "DELETE /six-site/", "PUT /six-site/", "DELETE /six-site/"], log.Writes.Select(w => w.Operation));
        Assert.Null((await s3.GetBucketLoggingAsync(new GetBucketLoggingRequest { BucketName = "six-site" })).BucketLoggingConfig?.TargetBucketName);
        Assert.Null(await S3Reads.OptionalAsync("test", "GetBucketCors", () => s3.GetCORSConfigurationAsync(new GetCORSConfigurationRequest { BucketName = "six-site" })));
        Assert.Equal("unchanged", (await new S3Resource(clients).ConvergeAsync(dropped, default)).Changes.Single().Verb);
    }

    [Fact]
    public async Task Lifecycle_rule_key_this_engine_does_not_map_is_refused_with_its_path()
    {
        var context = Site("seven").WithSettings(s => s["s3"]!["lifecycle"] = JsonNode.Parse("""{"enabled": true, "lifecycle_rules": [{"ID": "x", "Status": "Enabled", "Filter": {"Prefix": ""}, "Expiration": {"Days": 1}, "Tagging": {}}]}"""));

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => new S3Resource(AwsTestClients.Builder(moto.Url)).ConvergeAsync(context.Dry(), default));

        Assert.StartsWith("s3.lifecycle.lifecycle_rules[0] (application-master-dev.json).Tagging: not supported here; a rule may use ID, Status, Prefix, Filter", error.Message, StringComparison.Ordinal);
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
