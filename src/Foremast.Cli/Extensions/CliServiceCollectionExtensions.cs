using Foremast.Workflows.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Foremast.Cli.Extensions;

/// <summary>What the commands that execute stages outside the engine (<c>foremast infra</c>) resolve.</summary>
public static class CliServiceCollectionExtensions
{
    /// <param name="configure">
    /// Registrations that come first, e.g. live <c>IInfrastructureResource</c>s (the AWS executors) or a test's own;
    /// without them every kind has only its recorder, which serves <c>--dry-run</c> and refuses a real run.
    /// </param>
    public static IServiceCollection AddForemastCli(this IServiceCollection services, Action<IServiceCollection>? configure = null)
    {
        services.AddLogging();
        // Options bound from configuration (Foremast:Aws of the AWS executors) read the environment, as the hosts do (Foremast__Aws__EndpointUrl).
        services.TryAddSingleton<IConfiguration>(new ConfigurationBuilder().AddEnvironmentVariables().Build());
        configure?.Invoke(services);
        services.AddForemastWorkflows();
        return services;
    }
}
