namespace Foremast.Core.Config;

/// <summary>
/// Where the global config comes from, as Foremast looked for it: an explicit file; else every INI
/// <c>foremast.cfg</c> of <c>/etc/foremast</c>, <c>~/.foremast</c> and <c>./.foremast</c> that exists (merged,
/// later wins); else <c>$FOREMAST_CONFIG_FILE</c> (default <c>./config.py</c>); else the built-in defaults.
/// </summary>
/// <param name="Path">What <see cref="ForemastSettingsLoader.Load"/> reads: one file, or several INI files joined by <see cref="System.IO.Path.PathSeparator"/>; null for the defaults.</param>
/// <param name="Description">The line commands print: which file(s) they used.</param>
public sealed record ConfigLocation(string? Path, string Description)
{
    public const string EnvironmentVariable = "FOREMAST_CONFIG_FILE";

    /// <param name="workingDirectory">Where <c>./.foremast/foremast.cfg</c> and <c>./config.py</c> are looked up.</param>
    /// <param name="home">The user's home directory (for <c>~/.foremast/foremast.cfg</c>).</param>
    /// <param name="configPyVariable">The value of <c>FOREMAST_CONFIG_FILE</c>, if set.</param>
    /// <param name="systemDirectory">Foremast's <c>/etc/foremast</c>; a parameter so tests need not write to /etc.</param>
    public static ConfigLocation Find(string? explicitPath, string workingDirectory, string? home, string? configPyVariable, string systemDirectory = "/etc/foremast")
    {
        if (!string.IsNullOrEmpty(explicitPath)) return new ConfigLocation(explicitPath, $"config {explicitPath}");

        var ini = new[] { System.IO.Path.Combine(systemDirectory, "foremast.cfg"), home is null ? null : System.IO.Path.Combine(home, ".foremast", "foremast.cfg"), System.IO.Path.Combine(workingDirectory, ".foremast", "foremast.cfg") }
            .OfType<string>().Where(File.Exists).ToList();
        if (ini.Count > 0) return new ConfigLocation(string.Join(System.IO.Path.PathSeparator, ini), $"config {string.Join(", ", ini)}{(ini.Count > 1 ? " (INI, merged; later files win)" : " (INI)")}");

        var py = string.IsNullOrEmpty(configPyVariable) ? System.IO.Path.Combine(workingDirectory, "config.py") : configPyVariable;
        if (File.Exists(py)) return new ConfigLocation(py, $"config {py} (config.py)");
        return new ConfigLocation(null, "Foremast's default config (no --config, foremast.cfg or config.py found)");
    }

    /// <summary>The usual environment: the process's working directory, home and <c>FOREMAST_CONFIG_FILE</c>.</summary>
    public static ConfigLocation Find(string? explicitPath) =>
        Find(explicitPath, Directory.GetCurrentDirectory(), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } h ? h : null, Environment.GetEnvironmentVariable(EnvironmentVariable));
}
