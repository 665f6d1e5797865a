using Foremast.Functions.Settings;
using Foremast.Workflows.Extensions;
using Foremast.Workflows.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Foremast.Functions.Extensions;

/// <summary>Everything the Functions app registers: engine and Gate options from app settings, the workflow layer, the shared API.</summary>
public static class FunctionsServiceCollectionExtensions
{
    public static IServiceCollection AddForemastFunctions(this IServiceCollection services)
    {
        // App settings use "__" for ":" (Foremast__Approvals__SigningKey); the binder sees the same section either way.
        services.AddOptions<ForemastApiOptions>().BindConfiguration(ForemastApiOptions.Section);
        services.AddOptions<GateSettings>().BindConfiguration(GateSettings.Section);
        services.AddForemastWorkflows();
        services.AddForemastApi();
        return services;
    }
}
