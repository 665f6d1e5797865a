using Foremast.Cli.Commands;
using Foremast.Core.Config;
using Foremast.Local;

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
        var local = values.Where(kv => kv.Value is not null).Select(kv => KeyValuePair.Create($"{LocalEngineOptions.Section}:{kv.Key}", kv.Value));

        // The config is found as every command finds it (--config, foremast.cfg files, config.py), and said which.
        var config = RunwaySettings.Announce(ConfigLocation.Find(s.ConfigFile));
        return config.Path is null
            ? local
            : local.Append(KeyValuePair.Create<string, string?>("Foremast:ConfigFile", string.Join(Path.PathSeparator, config.Path.Split(Path.PathSeparator).Select(Path.GetFullPath))));
    }
}
