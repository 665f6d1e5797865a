using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using Foremast.Aws;
using Foremast.Aws.Bake;
using Foremast.Aws.Credentials;
using Foremast.Aws.Tests.Support;
using Foremast.Core.Config;
using Foremast.Core.Config.Aws;
using Foremast.Tests.Shared;

namespace Foremast.EndToEnd.Tests.Support;

/// <summary>
/// The repository's <c>examples/</c> application narrowed to dev and stage in us-east-1 (the full EC2 sequence without a
/// manual gate), each env in its own moto account seeded with what an account that ran Spinnaker has: the VPC <c>vpc</c>,
/// tagged subnets, the <c>bastion</c>/<c>office</c> groups, the env's hosted zones and the <c>tomcat8</c> base image.
/// </summary>
public static class ExampleOnMoto
{
    public const string App = "webshopacme";
    public const string Region = "us-east-1";

    public static readonly IReadOnlyDictionary<string, string> Accounts = new Dictionary<string, string> { ["dev"] = "111111111111", ["stage"] = "222222222222" };

    /// <param name="envs">The envs to seed (default both).</param>
    public static async Task<MotoAccounts> SeedAsync(string motoUrl, params string[] envs)
    {
        var seeded = envs.Length == 0 ? Accounts : Accounts.Where(a => envs.Contains(a.Key)).ToDictionary();
        var accounts = await MotoAccounts.CreateAsync(motoUrl, seeded);
        foreach (var env in seeded.Keys)
        {
            var session = Session(motoUrl, accounts, env);
            var network = await ExampleAccount.SeedAsync(session.Ec2, Region);
            await DnsSeed.ZonesAsync(session, $"{env}.example.com", network.Network.VpcId);
            await ComputeSeed.ImageAsync(session.Ec2, "tomcat8");
        }

        return accounts;
    }

    /// <summary>A session as the engine's executors get it, in the env's account.</summary>
    public static AwsSession Session(string motoUrl, ICredentialProfileSource accounts, string env) =>
        new AwsClientBuilder(new AwsOptions { EndpointUrl = motoUrl, Retry = AwsTestClients.FastRetry }, new AwsCredentialsResolver(accounts), [])
            .Session(new AwsTarget(env, Region, ReadOnly: false, AwsSettings.Empty));

    /// <summary>examples/ with pipeline.json's envs cut to dev and stage, stage in us-east-1 only, and no completion webhook.</summary>
    public static ConfigSnapshot Snapshot(string deployStrategy = "redblack") => Load(["dev", "stage"], stage: stage => stage["deploy_strategy"] = deployStrategy);

    /// <summary>examples/ with dev as the only env (one account, one region): the shortest real EC2 run.</summary>
    public static ConfigSnapshot DevSnapshot(string deployStrategy = "highlander") => Load(["dev"], dev => dev["deploy_strategy"] = deployStrategy);

    private static ConfigSnapshot Load(string[] envs, Action<JsonObject>? dev = null, Action<JsonObject>? stage = null)
    {
        var dir = Directory.CreateTempSubdirectory("foremast-e2e-").FullName;
        var source = Path.Combine(Fixtures.Examples, "runway");
        var pipeline = JsonNode.Parse(File.ReadAllText(Path.Combine(source, "pipeline.json")))!;
        pipeline["env"] = new JsonArray([.. envs.Select(e => JsonValue.Create(e))]);
        File.WriteAllText(Path.Combine(dir, "pipeline.json"), pipeline.ToJsonString());
        var devSettings = JsonNode.Parse(File.ReadAllText(Path.Combine(source, "application-master-dev.json")))!.AsObject();
        devSettings.Remove("completion_webhooks");
        dev?.Invoke(devSettings);
        File.WriteAllText(Path.Combine(dir, "application-master-dev.json"), devSettings.ToJsonString());
        if (envs.Contains("stage"))
        {
            // Only the envs of the run get a file: the run's lookups visit every env that has one.
            var stageSettings = JsonNode.Parse(File.ReadAllText(Path.Combine(source, "application-master-stage.json")))!.AsObject();
            stageSettings["regions"] = new JsonObject { [Region] = new JsonObject() };
            stage?.Invoke(stageSettings);
            File.WriteAllText(Path.Combine(dir, "application-master-stage.json"), stageSettings.ToJsonString());
        }
        try
        {
            return RunwayLoader.Load(new LoadRequest(dir, Path.Combine(Fixtures.Examples, "foremast-config.json"), "acme", "webshop")).SnapshotOrThrow();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// moto never runs user data, so a bake builder never powers itself off: this plays the instance, stopping every running
    /// instance tagged as a bake builder (<see cref="BakeTags.Builder"/>) in the given accounts until disposed.
    /// </summary>
    public static IAsyncDisposable PlayBakeBuilders(string motoUrl, MotoAccounts accounts)
    {
        var stop = new CancellationTokenSource();
        var clients = accounts.AccountIds.Keys.Select(env => Session(motoUrl, accounts, env).Ec2).ToList();
        var loop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var ec2 in clients) await StopRunningBuildersAsync(ec2, stop.Token);
                try
                {
                    await Task.Delay(250, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
        return new Player(stop, loop);
    }

    private static async Task StopRunningBuildersAsync(IAmazonEC2 ec2, CancellationToken ct)
    {
        try
        {
            var found = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest
            {
                Filters = [new Filter("tag-key", [BakeTags.Builder]), new Filter("instance-state-name", ["running"])],
            }, ct);
            var ids = (found.Reservations ?? []).SelectMany(r => r.Instances ?? []).Select(i => i.InstanceId).ToList();
            if (ids.Count > 0) await ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = ids }, ct);
        }
        catch (OperationCanceledException)
        {
            // Disposed mid-call.
        }
    }

    private sealed class Player(CancellationTokenSource stop, Task loop) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await loop;
            stop.Dispose();
        }
    }
}
