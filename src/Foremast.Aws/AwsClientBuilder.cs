using System.Collections.Concurrent;
using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using Amazon.S3;
using Foremast.Aws.Credentials;
using Foremast.Aws.Http;
using Foremast.Aws.Resilience;
using Foremast.Aws.Safety;
using Foremast.Core.Config.Aws;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace Foremast.Aws;

/// <summary>
/// Builds the clients of a session: handler chain guard → [SigV4 signer] → retry pipeline → one shared socket handler.
/// The SDK clients (EC2, S3) sign themselves and get the same chain through <see cref="GuardedHttpClientFactory"/>, with the
/// SDK's own retries off so every call has exactly one retry policy.
/// </summary>
public sealed class AwsClientBuilder : IDisposable
{
    private readonly AwsOptions _options;
    private readonly AwsEndpoints _endpoints;
    private readonly AwsCredentialsResolver _credentials;
    private readonly IReadOnlyList<IAwsCallObserver> _observers;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly SocketsHttpHandler _sockets = new() { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
    private readonly ConcurrentDictionary<(string Service, (string, string, bool, AwsAccount?) Target), object> _clients = new();

    public AwsClientBuilder(AwsOptions options, AwsCredentialsResolver credentials, IEnumerable<IAwsCallObserver> observers, ILoggerFactory? loggers = null)
    {
        _options = options;
        _endpoints = new AwsEndpoints(options.EndpointUrl);
        _credentials = credentials;
        _observers = observers.ToList();
        _logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger("Foremast.Aws");
        _pipeline = AwsResilience.Build(options.Retry, _logger);
    }

    public AWSCredentials CredentialsFor(AwsTarget target) => _credentials.For(target.Env, target.Settings);

    public AwsQueryClient Query(AwsService service, AwsTarget target) =>
        (AwsQueryClient)_clients.GetOrAdd((service.Name, target.Key), _ => new AwsQueryClient(SignedHttp(service, target), service));

    public AwsRestXmlClient RestXml(AwsService service, AwsTarget target) =>
        (AwsRestXmlClient)_clients.GetOrAdd((service.Name, target.Key), _ => new AwsRestXmlClient(SignedHttp(service, target), service));

    public IAmazonEC2 Ec2(AwsTarget target) =>
        (IAmazonEC2)_clients.GetOrAdd((AwsService.Ec2.Name, target.Key), _ =>
            new AmazonEC2Client(CredentialsFor(target), Configure(new AmazonEC2Config(), AwsService.Ec2, target)));

    public IAmazonS3 S3(AwsTarget target) =>
        (IAmazonS3)_clients.GetOrAdd((AwsService.S3.Name, target.Key), _ =>
        {
            var config = Configure(new AmazonS3Config(), AwsService.S3, target);
            // bucket.127.0.0.1 does not resolve: a custom endpoint (moto, a proxy) takes the bucket in the path.
            config.ForcePathStyle = _endpoints.Custom(AwsService.S3) is not null;
            return new AmazonS3Client(CredentialsFor(target), config);
        });

    /// <summary>A session for one env and region of a run; cheap (clients are cached per account, region and mode).</summary>
    public AwsSession Session(AwsTarget target) => new(target, this);

    private T Configure<T>(T config, AwsService service, AwsTarget target) where T : ClientConfig
    {
        config.RegionEndpoint = RegionEndpoint.GetBySystemName(target.Region);
        if (_endpoints.Custom(service) is { } url)
        {
            config.ServiceURL = url;
            config.AuthenticationRegion = target.Region;
        }

        config.MaxErrorRetry = 0;
        config.Timeout = _options.Retry.CallTimeout * (_options.Retry.MaxRetries + 2);
        config.HttpClientFactory = new GuardedHttpClientFactory(() => new HttpClient(Chain(service, target.ReadOnly, signer: null), disposeHandler: false));
        return config;
    }

    private HttpClient SignedHttp(AwsService service, AwsTarget target)
    {
        var credentials = CredentialsFor(target);
        var signingRegion = RegionEndpoint.GetBySystemName(service.SigningRegion(target.Region));
        var chain = Chain(service, target.ReadOnly, inner => new SigV4SigningHandler(credentials, signingRegion, service.SigningName, inner));
        return new HttpClient(chain, disposeHandler: false)
        {
            BaseAddress = _endpoints.Resolve(service, target.Region),
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>guard → signer (hand-written clients only) → retry → shared sockets.</summary>
    private HttpMessageHandler Chain(AwsService service, bool readOnly, Func<HttpMessageHandler, HttpMessageHandler>? signer)
    {
        HttpMessageHandler below = new AwsRetryHandler(_pipeline) { InnerHandler = new NonDisposingHandler(_sockets) };
        if (signer is not null) below = signer(below);
        return new AwsCallGuardHandler(service.Name, readOnly, _observers, _logger) { InnerHandler = below };
    }

    public void Dispose() => _sockets.Dispose();

    /// <summary>Lets many chains share one socket pool without any of them closing it.</summary>
    private sealed class NonDisposingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override void Dispose(bool disposing)
        {
            // The shared SocketsHttpHandler belongs to the builder.
        }
    }
}
