using Foremast.Aws.Credentials;
using Foremast.Aws.Safety;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Foremast.Aws.Extensions;

/// <summary>The one place that wires the AWS layer into a host.</summary>
public static class AwsServiceCollectionExtensions
{
    /// <summary>Registers the client builder (options from <c>Foremast:Aws</c>); executors are added by their own registrations.</summary>
    public static IServiceCollection AddForemastAwsClients(this IServiceCollection services)
    {
        services.AddOptions<AwsOptions>().BindConfiguration(AwsOptions.Section);
        services.TryAddSingleton<AwsCredentialsResolver>(_ => new AwsCredentialsResolver());
        services.TryAddSingleton(sp => new AwsClientBuilder(
            sp.GetRequiredService<IOptions<AwsOptions>>().Value,
            sp.GetRequiredService<AwsCredentialsResolver>(),
            sp.GetServices<IAwsCallObserver>(),
            sp.GetService<ILoggerFactory>()));
        return services;
    }
}
