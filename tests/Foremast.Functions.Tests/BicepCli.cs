using System.Diagnostics;
using System.Reflection;

namespace Foremast.Functions.Tests;

/// <summary>
/// The Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package (a PackageDownload of this project; its folder is stamped
/// into the assembly at build time), run as a real process.
/// </summary>
internal static class BicepCli
{
    public static string Executable { get; } = Locate();

    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // No telemetry, no update checks: the test needs no network beyond the NuGet restore that brought the binary.
        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await stdout) + (await stderr));
    }

    private static string Locate()
    {
        var folder = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepCli").Value!;
        var path = Path.Combine(folder, "tools", "bicep");
        if (!File.Exists(path)) throw new FileNotFoundException($"Bicep CLI not restored at {path}: run dotnet restore on this project", path);

        // NuGet extracts without the execute bit on some machines. The package is linux-x64 only, as are our machines.
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("the Bicep CLI package restored here is linux-x64");
        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) == 0) File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
        return path;
    }
}
