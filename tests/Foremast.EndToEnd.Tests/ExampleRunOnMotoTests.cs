using Foremast.Aws.Iam;
using Foremast.Aws.Tests.Support;
using Foremast.EndToEnd.Tests.Support;
using Foremast.Workflows.Orchestrations;
using Xunit.Abstractions;
using static Foremast.EndToEnd.Tests.Support.ExampleOnMoto;

namespace Foremast.EndToEnd.Tests;

/// <summary>
/// The whole EC2 sequence of <c>examples/</c> (bake, infrastructure, deploy, scaling) through the durable engine on Azurite,
/// for real against moto: dev and stage in us-east-1, each env in its own account.
/// </summary>
public sealed class ExampleRunOnMotoTests(MotoServer moto, ITestOutputHelper output) : IClassFixture<MotoServer>
{
    [Fact]
    public async Task Example_deploys_dev_and_stage_for_real_and_a_new_version_changes_only_image_and_server_groups()
    {
        var accounts = await SeedAsync(moto.Url);
        var snapshot = Snapshot();
        await using var builders = PlayBakeBuilders(moto.Url, accounts);
        await using var engine = await EngineOnMoto.StartAsync(moto.Url, accounts);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var first = await engine.RunAsync(snapshot, new ArtifactRef("1.0.0", "https://artifacts.example.com/webshop-1.0.0.rpm"), TimeSpan.FromMinutes(3));
        Report("first run", first, engine, clock.Elapsed);
        Assert.Equal(RunOutcome.Succeeded, first.Outcome);

        var iam = IamNames.From(StageContexts.Example("dev").Names);
        var dev = new MotoState(Session(moto.Url, accounts, "dev"));
        var stage = new MotoState(Session(moto.Url, accounts, "stage"));
        foreach (var (env, state) in new[] { ("dev", dev), ("stage", stage) })
        {
            Assert.True(await state.RoleExistsAsync(iam.Role), $"{env}: role {iam.Role}");
            Assert.Equal([iam.Role], await state.ProfileRolesAsync(iam.Profile));
            var group = await state.SecurityGroupAsync(App);
            Assert.NotNull(group);
            // base.default_securitygroup_rules (bastion on 22) everywhere; dev's own security_group.ingress adds $self on 8080.
            Assert.Contains(group.IpPermissions, p => p.FromPort == 22 && p.UserIdGroupPairs.Count == 1);
            Assert.Equal(env == "dev", group.IpPermissions.Any(p => p.FromPort == 8080 && p.UserIdGroupPairs.Any(pair => pair.GroupId == group.GroupId)));
            Assert.Equal(["HTTP:80->HTTP:8080"], await state.ListenersAsync(App));
            Assert.Contains($"private webshop.acme.{env}.example.com", (await state.RecordsAsync($"{env}.example.com")).Select(r => r[..r.LastIndexOf(' ')]));
        }

        // The bake runs once per region, in the first env's account; the image carries Foremast's bake tags.
        var image = Assert.Single(await dev.ImagesAsync(App, "1.0.0"));
        Assert.Equal("available", image.State.Value);
        Assert.Equal([Accounts["stage"]], await dev.LaunchPermissionsAsync(image.ImageId));
        Assert.Equal(new Dictionary<string, (int, int)> { [$"{App}-v000"] = (1, 1) }, await dev.ServerGroupsAsync(App));
        Assert.Equal(new Dictionary<string, (int, int)> { [$"{App}-v000"] = (2, 2) }, await stage.ServerGroupsAsync(App));
        Assert.Empty(await dev.PolicyNamesAsync($"{App}-v000"));
        Assert.Equal([$"{App}-CPUUtilization-decrease", $"{App}-CPUUtilization-increase"], await stage.PolicyNamesAsync($"{App}-v000"));

        engine.Calls.Clear();
        engine.Stamped.Clear();
        clock.Restart();
        var second = await engine.RunAsync(snapshot, new ArtifactRef("1.0.1", "https://artifacts.example.com/webshop-1.0.1.rpm"), TimeSpan.FromMinutes(3));
        Report("second run", second, engine, clock.Elapsed);
        Assert.Equal(RunOutcome.Succeeded, second.Outcome);

        // Infrastructure: every resource unchanged, and not one write to the services only Infrastructure Setup writes to.
        var infra = second.Regions.SelectMany(r => r.Status.Stages).Where(s => s.Name.StartsWith("Infrastructure Setup", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, infra.Count);
        Assert.All(infra.SelectMany(s => s.Changes ?? []), c => Assert.StartsWith("unchanged ", c, StringComparison.Ordinal));
        Assert.DoesNotContain(engine.Calls.Writes, InfrastructureWrite);

        // A new image, and v001 beside v000: stage's redblack keeps v000 disabled (no instances), dev's default replaces it.
        Assert.Single(await dev.ImagesAsync(App, "1.0.1"));
        Assert.Equal(new Dictionary<string, (int, int)> { [$"{App}-v001"] = (1, 1) }, await dev.ServerGroupsAsync(App));
        Assert.Equal(new Dictionary<string, (int, int)> { [$"{App}-v000"] = (0, 0), [$"{App}-v001"] = (2, 2) }, await stage.ServerGroupsAsync(App));
        Assert.Equal([$"{App}-CPUUtilization-decrease", $"{App}-CPUUtilization-increase"], await stage.PolicyNamesAsync($"{App}-v001"));
    }

    /// <summary>IAM, Route53, S3, security groups and load balancer settings belong to Infrastructure Setup alone (deploys only move instances).</summary>
    internal static bool InfrastructureWrite(Foremast.Aws.Safety.AwsCall call) =>
        call.Service is "IAM" or "Route53" or "S3"
        || (call.Service == "EC2" && call.Operation.Contains("SecurityGroup", StringComparison.Ordinal))
        || (call.Service is "ELB" or "ELBv2" && !call.Operation.Contains("Instances", StringComparison.Ordinal) && !call.Operation.Contains("Targets", StringComparison.Ordinal));

    /// <summary>The numbers docs/performance.md records: per stage its wall time and AWS calls, and what the engine spent between stages.</summary>
    private void Report(string label, DeploymentRunResult result, EngineOnMoto engine, TimeSpan wall)
    {
        var stages = result.Regions.SelectMany(r => r.Status.Stages).Where(s => s.StartedAt is not null && s.EndedAt is not null).ToList();
        var inStages = TimeSpan.FromTicks(stages.Sum(s => (s.EndedAt!.Value - s.StartedAt!.Value).Ticks));
        output.WriteLine($"{label}: {result.Outcome} {result.Error}; wall {wall.TotalSeconds:0.0} s, in stages {inStages.TotalSeconds:0.0} s; " +
                         $"{engine.Calls.Calls.Count} AWS calls, {engine.Calls.Writes.Count} writes");
        foreach (var stage in stages)
        {
            var calls = engine.Stamped.Between(stage.StartedAt!.Value, stage.EndedAt!.Value);
            output.WriteLine($"  {stage.Name}: {stage.State} {(stage.EndedAt - stage.StartedAt)?.TotalSeconds:0.0} s, {calls.Count} calls ({calls.Count(c => c.Mutating)} writes) {stage.Error}");
            foreach (var change in stage.Changes ?? []) output.WriteLine($"    {change}");
        }

        foreach (var group in engine.Calls.Writes.GroupBy(w => $"{w.Service}:{w.Operation}")) output.WriteLine($"  write {group.Key} x{group.Count()}");
    }
}
