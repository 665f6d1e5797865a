namespace Foremast.Aws.Http;

/// <summary>Hands the SDK clients an <see cref="HttpClient"/> built on our handler chain (guard, retry pipeline).</summary>
public sealed class GuardedHttpClientFactory(Func<HttpClient> create) : Amazon.Runtime.HttpClientFactory
{
    public override HttpClient CreateHttpClient(Amazon.Runtime.IClientConfig clientConfig) => create();

    public override bool UseSDKHttpClientCaching(Amazon.Runtime.IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(Amazon.Runtime.IClientConfig clientConfig) => false;
}
