using Foremast.Aws.Extensions;
using Foremast.Aws.Lookups;
using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.DryRun;
using Foremast.Workflows.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Foremast.Aws.Tests.Lookups;

public sealed class AwsLookupsRegistrationTests
{
    [Fact]
    public void A_host_that_wires_aws_generates_pipelines_with_the_live_lookups_and_one_that_does_not_keeps_the_planned_ones()
    {
        using var aws = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build()).AddForemastAwsExecutors().AddForemastWorkflows().BuildServiceProvider();
        using var plain = new ServiceCollection().AddLogging().AddForemastWorkflows().BuildServiceProvider();

        Assert.IsType<AwsEnvironmentLookups>(aws.GetRequiredService<ILookupsProvider>());
        Assert.IsType<PlannedLookups>(plain.GetRequiredService<ILookupsProvider>());
    }
}
