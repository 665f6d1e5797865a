namespace Foremast.Aws.Http;

/// <summary>
/// Where a service answers, resolved as the AWS SDKs do: <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, then <c>AWS_ENDPOINT_URL</c>,
/// then the public endpoint. An explicit override (settings, tests) wins over both variables.
/// </summary>
public sealed class AwsEndpoints(string? overrideUrl = null, Func<string, string?>? environment = null)
{
    private readonly Func<string, string?> _env = environment ?? Environment.GetEnvironmentVariable;

    /// <summary>The URL every client of this process should use instead of AWS, or null for the real endpoints.</summary>
    public string? Custom(AwsService service) =>
        overrideUrl is { Length: > 0 } ? overrideUrl
        : _env($"AWS_ENDPOINT_URL_{service.EnvName}") is { Length: > 0 } specific ? specific
        : _env("AWS_ENDPOINT_URL") is { Length: > 0 } general ? general
        : null;

    public Uri Resolve(AwsService service, string region) => new(Custom(service) ?? Default(service, region));

    private static string Default(AwsService service, string region) => service.Global
        ? $"https://{service.HostPrefix}.amazonaws.com"
        : $"https://{service.HostPrefix}.{region}.amazonaws.com";
}
