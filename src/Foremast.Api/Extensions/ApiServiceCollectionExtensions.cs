using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.Notifications;
using Foremast.Workflows.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Foremast.Api.Extensions;

/// <summary>Wires the shared HTTP API into a host. The host binds <see cref="ForemastApiOptions"/> from its own configuration.</summary>
public static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddForemastApi(this IServiceCollection services)
    {
        services.AddOptions<ForemastApiOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ForemastApiOptions>, WebhookOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GitClient>(_ => new GitClient());
        services.TryAddSingleton<IConfigSourceReader>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ForemastApiOptions>>().Value;
            var cache = options.GitCacheDirectory is { Length: > 0 } configured ? configured : Path.Combine(Path.GetTempPath(), "foremast-git-cache");
            return new ConfigSourceReader(new GitRunwayReader(sp.GetRequiredService<GitClient>(), cache));
        });
        services.TryAddSingleton(sp => new StorageHealth(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new ForemastApi(
            sp.GetRequiredService<IOptions<ForemastApiOptions>>().Value,
            sp.GetRequiredService<IConfigSourceReader>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IPipelineStore>(),
            sp.GetRequiredService<StorageHealth>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger<ForemastApi>()));
        services.TryAddSingleton<IApprovalLinks>(sp => sp.GetRequiredService<ForemastApi>().Links);
        return services;
    }
}
