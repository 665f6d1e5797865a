using Foremast.Tests.Shared;
using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;
using Microsoft.Extensions.DependencyInjection;

namespace Foremast.Cli.Tests;

/// <summary>
/// <c>foremast infra</c> with test resources registered the way the AWS executors will be (the registration itself
/// arrives with the AWS project); without them only the recorders exist.
/// </summary>
public sealed class InfraCommandTests
{
    private static readonly string[] Kinds = [ResourceKinds.Iam, ResourceKinds.SecurityGroup, ResourceKinds.S3, ResourceKinds.LoadBalancer, ResourceKinds.Dns];

    private static string Runway => Path.Combine(Fixtures.Examples, "runway");

    private static string Config => Path.Combine(Fixtures.Examples, "foremast-config.json");

    [Fact]
    public void An_account_that_already_matches_prints_unchanged_for_every_resource_and_nothing_else()
    {
        var (code, output, error) = CliRunner.Run(Resources((kind, _) => new ResourceChange("unchanged", kind, "webshopacme")), null, Args());

        Assert.Equal(0, code);
        Assert.Equal(Kinds.Select(k => $"unchanged {k} webshopacme"), Lines(output));
        Assert.Empty(error);
    }

    [Fact]
    public void A_dry_run_passes_the_decision_to_the_resources_and_prints_what_would_change()
    {
        var (code, output, _) = CliRunner.Run(
            Resources((kind, request) => new ResourceChange(request.DryRun ? "would update" : "updated", kind, "webshopacme", request.DryRun ? "ingress tcp/8080 added" : null)),
            null, [.. Args(), "--dry-run"]);

        Assert.Equal(0, code);
        Assert.Contains("would update securitygroup webshopacme: ingress tcp/8080 added", Lines(output));
        Assert.All(Lines(output), line => Assert.StartsWith("would update ", line, StringComparison.Ordinal));
    }

    [Fact]
    public void A_cloud_error_exits_1_with_one_line_after_the_changes_that_were_made()
    {
        var (code, output, error) = CliRunner.Run(
            Resources((kind, _) => kind == ResourceKinds.SecurityGroup
                ? throw new InvalidOperationException("AuthorizeSecurityGroupIngress: UnauthorizedOperation: You are not authorized to perform this operation.")
                : new ResourceChange("created", kind, "webshopacme")),
            null, Args());

        Assert.Equal(1, code);
        Assert.Equal(["created iam webshopacme", "created s3 webshopacme"], Lines(output));
        Assert.Equal("error: securitygroup: AuthorizeSecurityGroupIngress: UnauthorizedOperation: You are not authorized to perform this operation.", error.Trim());
    }

    [Fact]
    public void Without_live_executors_a_dry_run_uses_the_recorders_and_a_real_run_is_refused()
    {
        var (dryCode, dryOutput, _) = CliRunner.Run([.. Args(), "--dry-run"]);
        var (code, output, error) = CliRunner.Run(Args());

        Assert.Equal(0, dryCode);
        Assert.Equal(Kinds.Select(k => $"would create {k} webshopacme: recorded for dev/us-east-1, no account inspected"), Lines(dryOutput));
        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Equal("error: no live executor for the iam resource here (only the dry-run recorder): run it as a dry run (--dry-run), or configure the AWS executors", error.Trim());
    }

    [Fact]
    public void Arguments_fall_back_to_RUNWAY_DIR_ENV_REGION_PROJECT_and_GIT_REPO()
    {
        var environment = new Dictionary<string, string?> { ["RUNWAY_DIR"] = Runway, ["ENV"] = "stage", ["REGION"] = "us-west-2", ["PROJECT"] = "acme", ["GIT_REPO"] = "webshop" };

        var (code, output, _) = CliRunner.Run(Resources((kind, request) => new ResourceChange("unchanged", kind, $"{request.Env}/{request.Region}")), environment, "infra", "--config", Config);

        Assert.Equal(0, code);
        Assert.Equal(Kinds.Select(k => $"unchanged {k} stage/us-west-2"), Lines(output));
    }

    [Theory]
    [InlineData("qa", "us-east-1", "error: --env qa: no application-master-qa.json in")]
    [InlineData("stage", "eu-west-1", "error: --region eu-west-1: env stage deploys to us-east-1, us-west-2")]
    public void An_env_or_region_the_config_does_not_have_exits_2_with_one_line(string env, string region, string message)
    {
        var (code, output, error) = CliRunner.Run(Resources((kind, _) => new ResourceChange("unchanged", kind, "x")), null,
            "infra", Runway, "--config", Config, "--project", "acme", "--repo", "webshop", "--env", env, "--region", region);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith(message, error.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Trim());
    }

    private static string[] Args() => ["infra", Runway, "--config", Config, "--project", "acme", "--repo", "webshop", "--env", "dev", "--region", "us-east-1"];

    private static List<string> Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static Action<IServiceCollection> Resources(Func<string, StageRequest, ResourceChange> converge) => services =>
    {
        foreach (var kind in Kinds) services.AddSingleton<IInfrastructureResource>(new TestResource(kind, converge));
    };

    private sealed class TestResource(string kind, Func<string, StageRequest, ResourceChange> converge) : IInfrastructureResource
    {
        public string Kind => kind;

        public Task<ResourceResult> ConvergeAsync(StageRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new ResourceResult([converge(kind, request)]));
    }
}
