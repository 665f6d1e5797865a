using System.ComponentModel;
using System.Diagnostics;

namespace Foremast.Local.Azurite;

/// <summary>
/// Azurite for a <c>foremast</c> installed as a .NET tool, which has no clone (and no <c>node_modules</c>) around it:
/// the repository's pin (package.json and package-lock.json, shipped beside the program in <c>azurite/</c>) is installed
/// with <c>npm ci</c> on first use into a per-user cache, <c>$XDG_CACHE_HOME/foremast/azurite</c> (default
/// <c>~/.cache/foremast/azurite</c>), and started from there afterwards.
/// </summary>
internal static class AzuriteCache
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    public static string Directory
    {
        get
        {
            var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (string.IsNullOrWhiteSpace(cache)) cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(cache, "foremast", "azurite");
        }
    }

    public static string Command => Path.Combine(Directory, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");

    /// <summary>The pin shipped with the program, or null when it runs from a build without one.</summary>
    private static string? Pins =>
        Path.Combine(AppContext.BaseDirectory, "azurite") is var dir && File.Exists(Path.Combine(dir, "package-lock.json")) ? dir : null;

    /// <summary>The cached Azurite, installed first when it is not there yet; null when the program ships no pin.</summary>
    public static async Task<string?> EnsureAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(Command)) return Command;
        if (Pins is not { } pins) return null;

        System.IO.Directory.CreateDirectory(Directory);
        foreach (var file in new[] { "package.json", "package-lock.json" }) File.Copy(Path.Combine(pins, file), Path.Combine(Directory, file), overwrite: true);

        // Said on the console rather than logged: `foremast run` logs warnings only, and npm ci can take a minute.
        Console.Error.WriteLine($"foremast: installing Azurite into {Directory} (first use, npm ci)");
        var output = new BoundedLog(40);
        var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" }) start.ArgumentList.Add(arg);
        using var npm = new Process { StartInfo = start };
        npm.OutputDataReceived += (_, e) => output.Add(e.Data);
        npm.ErrorDataReceived += (_, e) => output.Add(e.Data);
        try
        {
            npm.Start();
        }
        catch (Win32Exception)
        {
            throw new InvalidOperationException("No storage: nothing listens on 127.0.0.1:10000-10002, and Azurite cannot be installed because npm (Node.js) is not on PATH. Install Node.js (README: Install), start Azurite yourself, or set Foremast:Local:StorageConnectionString.");
        }

        npm.BeginOutputReadLine();
        npm.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(InstallTimeout);
        try
        {
            await npm.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            npm.Kill(entireProcessTree: true);
            throw;
        }

        if (npm.ExitCode != 0 || !File.Exists(Command))
        {
            throw new InvalidOperationException($"installing Azurite into {Directory} failed (npm ci exited {npm.ExitCode}):\n{output}");
        }

        return Command;
    }
}
