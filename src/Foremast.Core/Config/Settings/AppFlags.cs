using System.Text.Json;

namespace Foremast.Core.Config.Settings;

/// <summary>Switches of an env document's <c>app</c> block that several stages read.</summary>
public static class AppFlags
{
    /// <summary><c>app.eureka_enabled</c>: Foremast makes no load balancer and no DNS record for such apps (they find each other through discovery).</summary>
    public static bool EurekaEnabled(JsonElement envSettings) =>
        envSettings.ValueKind == JsonValueKind.Object && envSettings.TryGetProperty("app", out var app) && app.ValueKind == JsonValueKind.Object
        && app.TryGetProperty("eureka_enabled", out var eureka) && eureka.ValueKind == JsonValueKind.True;
}
