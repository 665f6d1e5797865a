using Amazon.Runtime;
using Foremast.Aws;
using Foremast.Aws.Credentials;
using Foremast.Aws.Extensions;
using Foremast.Aws.Resilience;
using Foremast.Aws.Tests.Support;
using Foremast.Core.Config.Aws;
using Foremast.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Foremast.Cli.Tests.Aws;

/// <summary>
/// The CLI's AWS wiring (<c>AddForemastAwsExecutors</c>, as Program.cs does it) pointed at a test's moto. Credentials come from
/// a profile source of the test's own, never from process variables: those would make other tests' local engines wire AWS.
/// </summary>
public static class MotoCli
{
    public static string Runway => Path.Combine(Fixtures.Examples, "runway");

    public static string Config => Path.Combine(Fixtures.Examples, "foremast-config.json");

    public static readonly string[] Names = ["--config", Config, "--project", "acme", "--repo", "webshop"];

    public static Action<IServiceCollection> Services(MotoServer moto, CallLog? log = null) => services =>
    {
        services.AddSingleton(Builder(moto, log));
        services.AddForemastAwsExecutors();
    };

    public static AwsClientBuilder Builder(MotoServer moto, CallLog? log = null) => new(
        new AwsOptions
        {
            EndpointUrl = moto.Url,
            Retry = new AwsResilienceOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20), CallTimeout = TimeSpan.FromSeconds(20) },
        },
        new AwsCredentialsResolver(new TestProfiles()),
        log is null ? [] : [log]);

    public static AwsSession Session(MotoServer moto, string env, string region) => Builder(moto).Session(new AwsTarget(env, region, false, AwsSettings.Empty));

    public static List<string> Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>moto accepts any key: every env's profile (the resolver asks for one named after the env) is the test key.</summary>
    private sealed class TestProfiles : ICredentialProfileSource
    {
        public bool TryGetAWSCredentials(string profileName, out AWSCredentials credentials)
        {
            credentials = new BasicAWSCredentials("test", "test");
            return true;
        }
    }
}
