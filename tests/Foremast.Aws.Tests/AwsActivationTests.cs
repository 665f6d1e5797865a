using Foremast.Aws;

namespace Foremast.Aws.Tests;

/// <summary>When a local host wires the live AWS executors instead of the recorders.</summary>
public sealed class AwsActivationTests
{
    private static string? Nothing(string _) => null;

    [Fact]
    public void A_machine_that_names_no_AWS_account_keeps_the_recorders()
    {
        Assert.False(AwsActivation.IsEnabled(null, Nothing));
    }

    [Fact]
    public void An_AWS_endpoint_in_the_environment_wires_the_live_executors()
    {
        Assert.True(AwsActivation.IsEnabled(null, name => name == "AWS_ENDPOINT_URL" ? "http://127.0.0.1:5000" : null));
    }

    [Fact]
    public void A_managed_identity_role_wires_the_live_executors_without_AWS_variables()
    {
        Assert.True(AwsActivation.IsEnabled(null, Nothing, webIdentityRoleArn: "arn:aws:iam::123456789012:role/deployer"));
    }

    [Fact]
    public void An_explicit_setting_wins_over_what_the_environment_names()
    {
        Assert.False(AwsActivation.IsEnabled(false, name => name == "AWS_ACCESS_KEY_ID" ? "AKIA" : null, "arn:aws:iam::123456789012:role/deployer"));
        Assert.True(AwsActivation.IsEnabled(true, Nothing));
    }
}
