using Foremast.Aws.Iam;
using Foremast.Aws.S3;
using Foremast.Aws.SecurityGroups;
using Foremast.Aws.Tests.Support;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Aws.Tests;

/// <summary>The README example's dev env (us-east-1) through the IAM, security group and S3 kinds, on an account seeded like a real one.</summary>
public sealed class ExampleInfrastructureTests(MotoServer moto) : IClassFixture<MotoServer>
{
    [Fact]
    public async Task Example_dev_env_is_created_then_a_second_converge_only_reads()
    {
        var log = new CallLog();
        var clients = AwsTestClients.Builder(moto.Url, log);
        var context = StageContexts.Example();
        await ExampleAccount.SeedAsync(clients.Session(context.Target).Ec2);
        log.Clear();

        var first = await ConvergeAllAsync(clients, context);
        var firstCalls = log.Calls.Count;
        var firstWrites = log.Writes.Count;
        log.Clear();
        var second = await ConvergeAllAsync(clients, context);

        Assert.Equal(
            [
                "created iam role/acme_webshop_role", "created iam instance-profile/acme_webshop_profile", "created iam policy/acme_webshop_policy",
                "created iam user/acme_webshop", "created iam group/acme", "created securitygroup webshopacme",
            ],
            first.Select(c => $"{c.Verb} {c.Kind} {c.Name}"));
        Assert.All(second, c => Assert.Equal("unchanged", c.Verb));
        Assert.Equal(first.Count, second.Count);
        Assert.Empty(log.Writes);
        Assert.Equal((17, 9), (firstCalls, firstWrites));
        Assert.Equal(7, log.Calls.Count);
    }

    private static async Task<List<ResourceChange>> ConvergeAllAsync(AwsClientBuilder clients, AwsStageContext context)
    {
        var changes = new List<ResourceChange>();
        changes.AddRange((await new IamResource(clients).ConvergeAsync(context, default)).Changes);
        changes.AddRange((await new SecurityGroupResource(clients).ConvergeAsync(context, default)).Changes);
        changes.AddRange((await new S3Resource(clients).ConvergeAsync(context, default)).Changes);
        return changes;
    }
}
