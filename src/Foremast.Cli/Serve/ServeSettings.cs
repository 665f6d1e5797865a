using Foremast.Cli.Commands;
using Foremast.Core.Config;
using Foremast.Local;
using Microsoft.Extensions.Configuration;

namespace Foremast.Cli.Serve;

/// <summary>Turns <c>foremast serve</c> flags into <c>Foremast:Local:*</c> settings, so flags, environment and appsettings share one binding.</summary>
internal static class ServeSettings
{
    public static IEnumerable<KeyValuePair<string, string?>> ToConfiguration(ServeCommand.Settings s)
    {
        var values = new Dictionary<string, string?>
        {
            [nameof(LocalEngineOptions.Port)] = s.Port?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [nameof(LocalEngineOptions.TaskHub)] = s.Hub,
            [nameof(LocalEngineOptions.StorageConnectionString)] = s.Storage,
            [nameof(LocalEngineOptions.DryRun)] = s.DryRun ? null : bool.FalseString,
            [nameof(LocalEngineOptions.ActionsLog)] = s.ActionsLog is { Length: > 0 } log ? Path.GetFullPath(log) : null,
            [nameof(LocalEngineOptions.WorkerId)] = s.WorkerId,
        };

        // Unset flags are left out, so environment variables and appsettings still apply.
        return values.Where(kv => kv.Value is not null).Select(kv => KeyValuePair.Create($"{LocalEngineOptions.Section}:{kv.Key}", kv.Value));
    }

    /// <summary>
    /// The global config the engine will use, said on stderr: <c>--config</c>; else <c>Foremast:ConfigFile</c> from the
    /// host's configuration (appsettings.json, <c>Foremast__ConfigFile</c>), which the engine would otherwise read
    /// while the line named another; else found as every command finds it (foremast.cfg files, config.py, defaults).
    /// </summary>
    /// <param name="configuration">The engine's configuration before this setting is added.</param>
    public static IEnumerable<KeyValuePair<string, string?>> ConfigFile(ServeCommand.Settings s, IConfiguration configuration)
    {
        var configured = configuration[ConfigFileKey] is { Length: > 0 } file ? file : null;
        var config = RunwaySettings.Announce(s.ConfigFile is null && configured is not null
            ? new ConfigLocation(configured, $"config {configured} ({ConfigFileKey})")
            : ConfigLocation.Find(s.ConfigFile));
        return config.Path is null
            ? []
            : [KeyValuePair.Create<string, string?>(ConfigFileKey, string.Join(Path.PathSeparator, config.Path.Split(Path.PathSeparator).Select(Path.GetFullPath)))];
    }

    private const string ConfigFileKey = "Foremast:ConfigFile";
}
