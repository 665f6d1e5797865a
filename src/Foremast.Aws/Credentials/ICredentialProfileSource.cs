using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace Foremast.Aws.Credentials;

/// <summary>The shared AWS config and credentials files (the SDK's <see cref="CredentialProfileStoreChain"/>), replaceable in tests.</summary>
public interface ICredentialProfileSource
{
    bool TryGetAWSCredentials(string profileName, out AWSCredentials credentials);
}

internal sealed class CredentialProfileStoreChainSource(CredentialProfileStoreChain chain) : ICredentialProfileSource
{
    public bool TryGetAWSCredentials(string profileName, out AWSCredentials credentials) => chain.TryGetAWSCredentials(profileName, out credentials);
}
