using Foremast.Cli.Extensions;
using Foremast.Workflows.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Foremast.Cli.Infra;

/// <summary>The executors the account commands (<c>infra</c>, <c>diff</c>, <c>autoscaling</c>, <c>generate --lookups aws</c>) use, built on first use so other commands never pay for them.</summary>
/// <param name="configure">See <see cref="CliServiceCollectionExtensions.AddForemastCli"/>.</param>
public sealed class InfraServices(Action<IServiceCollection>? configure)
{
    private readonly Lazy<ServiceProvider> _services = new(() => new ServiceCollection().AddForemastCli(configure).BuildServiceProvider());

    public DirectInfrastructure Infrastructure => _services.Value.GetRequiredService<DirectInfrastructure>();

    public InfrastructureResources Resources => _services.Value.GetRequiredService<InfrastructureResources>();

    /// <summary>A registration that exists only when the host wired it (the AWS executors); null otherwise.</summary>
    public T? Optional<T>() where T : class => _services.Value.GetService<T>();
}
