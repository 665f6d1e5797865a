using Foremast.Cli.Extensions;
using Foremast.Workflows.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Foremast.Cli.Infra;

/// <summary>The executors <c>foremast infra</c> runs, built on first use so other commands never pay for them.</summary>
/// <param name="configure">See <see cref="CliServiceCollectionExtensions.AddForemastCli"/>.</param>
public sealed class InfraServices(Action<IServiceCollection>? configure)
{
    private readonly Lazy<ServiceProvider> _services = new(() => new ServiceCollection().AddForemastCli(configure).BuildServiceProvider());

    public DirectInfrastructure Infrastructure => _services.Value.GetRequiredService<DirectInfrastructure>();
}
