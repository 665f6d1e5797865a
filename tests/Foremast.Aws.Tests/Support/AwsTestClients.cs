using Foremast.Aws.Credentials;
using Foremast.Aws.Resilience;
using Foremast.Core.Config.Aws;

namespace Foremast.Aws.Tests.Support;

/// <summary>Client builders pointed at a test's moto (or at a fault proxy in front of it), with fast retries.</summary>
public static class AwsTestClients
{
    public static readonly AwsResilienceOptions FastRetry = new()
    {
        MaxRetries = 4,
        BaseDelay = TimeSpan.FromMilliseconds(5),
        MaxDelay = TimeSpan.FromMilliseconds(50),
        CallTimeout = TimeSpan.FromSeconds(20),
    };

    public static AwsClientBuilder Builder(string endpoint, CallLog? log = null, AwsResilienceOptions? retry = null)
    {
        MotoServer.EnsureTestCredentials();
        return new AwsClientBuilder(new AwsOptions { EndpointUrl = endpoint, Retry = retry ?? FastRetry }, new AwsCredentialsResolver(new NoProfiles()), log is null ? [] : [log]);
    }

    public static AwsSession Session(string endpoint, CallLog? log = null, string env = "dev", string region = "us-east-1", bool readOnly = false) =>
        Builder(endpoint, log).Session(new AwsTarget(env, region, readOnly, AwsSettings.Empty));

    /// <summary>No shared config files: the default chain (the test credentials above) decides, whatever the machine has in ~/.aws.</summary>
    private sealed class NoProfiles : ICredentialProfileSource
    {
        public bool TryGetAWSCredentials(string profileName, out Amazon.Runtime.AWSCredentials credentials)
        {
            credentials = null!;
            return false;
        }
    }
}
