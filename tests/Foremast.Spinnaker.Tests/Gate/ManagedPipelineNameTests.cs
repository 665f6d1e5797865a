using Foremast.Spinnaker.Application;

namespace Foremast.Spinnaker.Tests.Gate;

public class ManagedPipelineNameTests
{
    [Theory]
    [InlineData("app [us-east-1]", "us-east-1", null)]
    [InlineData("app [us-east-1-beta]", "us-east-1-beta", null)]
    [InlineData("app [us-west-2] (onetime-stage)", "us-west-2", "stage")]
    public void Managed_name_yields_its_region_and_onetime_env(string name, string region, string? env)
    {
        Assert.Equal(new ManagedPipelineName(region, env), ManagedPipelineName.Parse("app", name));
    }

    [Theory]
    [InlineData("Deploy hotfix")]
    [InlineData("app")]
    [InlineData("app us-east-1")]
    [InlineData("app manual [us-east-1]")]
    [InlineData("other [us-east-1]")]
    [InlineData("apps [us-east-1]")]
    [InlineData("app [us-east-1] copy")]
    [InlineData("app [us east 1]")]
    [InlineData("App [us-east-1]")]
    public void Other_names_are_not_managed(string name)
    {
        Assert.Null(ManagedPipelineName.Parse("app", name));
    }
}
