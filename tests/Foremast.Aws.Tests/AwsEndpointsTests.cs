using Foremast.Aws.Http;

namespace Foremast.Aws.Tests;

public sealed class AwsEndpointsTests
{
    private static Func<string, string?> Env(params (string Key, string Value)[] vars) => key => vars.FirstOrDefault(v => v.Key == key).Value;

    [Fact]
    public void Service_specific_variable_wins_over_the_general_one()
    {
        var endpoints = new AwsEndpoints(environment: Env(("AWS_ENDPOINT_URL", "http://all:1"), ("AWS_ENDPOINT_URL_ROUTE_53", "http://dns:2")));

        Assert.Equal(new Uri("http://dns:2"), endpoints.Resolve(AwsService.Route53, "eu-west-1"));
        Assert.Equal(new Uri("http://all:1"), endpoints.Resolve(AwsService.AutoScaling, "eu-west-1"));
    }

    [Fact]
    public void Explicit_endpoint_wins_over_the_environment()
    {
        var endpoints = new AwsEndpoints("http://moto:3", Env(("AWS_ENDPOINT_URL_IAM", "http://iam:4")));

        Assert.Equal(new Uri("http://moto:3"), endpoints.Resolve(AwsService.Iam, "us-east-1"));
    }

    [Fact]
    public void Without_overrides_regional_services_use_their_regional_host_and_global_ones_the_global_host()
    {
        var endpoints = new AwsEndpoints(environment: Env());

        Assert.Equal(new Uri("https://elasticloadbalancing.eu-west-1.amazonaws.com"), endpoints.Resolve(AwsService.ElasticLoadBalancingV2, "eu-west-1"));
        Assert.Equal(new Uri("https://iam.amazonaws.com"), endpoints.Resolve(AwsService.Iam, "eu-west-1"));
        Assert.Equal("us-east-1", AwsService.Route53.SigningRegion("eu-west-1"));
    }
}
