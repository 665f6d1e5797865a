using System.Diagnostics;
using Foremast.Tests.Shared;
using Xunit.Abstractions;

namespace Foremast.Cli.Tests;

/// <summary>
/// <c>scripts/install-tool.sh</c> as a user runs it, into a temporary tool path (never the global tools): the package
/// installs, and the installed <c>foremast</c> works from a directory outside the clone. The script packs the existing
/// Release build (<c>--from-build</c>); the ReadyToRun pack of a real install takes minutes and is measured in
/// docs/performance.md instead.
/// </summary>
public sealed class InstalledToolTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Installed_foremast_prints_its_version_and_validates_from_outside_the_clone()
    {
        var work = Directory.CreateTempSubdirectory("foremast-tool-");
        try
        {
            var tools = Path.Combine(work.FullName, "tools");
            var (installCode, installText) = await RunAsync("bash", Fixtures.Root, Path.Combine(Fixtures.Root, "scripts", "install-tool.sh"), "--from-build", "--tool-path", tools);
            output.WriteLine(installText);
            Assert.Equal(0, installCode);
            Assert.Contains("install-tool: installed foremast 0.1.0-dev.", installText);

            // A directory with no clone above it, holding only a copy of the example's files.
            var elsewhere = Directory.CreateDirectory(Path.Combine(work.FullName, "elsewhere")).FullName;
            CopyDirectory(Path.Combine(Fixtures.Examples, "runway"), Path.Combine(elsewhere, "runway"));
            File.Copy(Path.Combine(Fixtures.Examples, "foremast-config.json"), Path.Combine(elsewhere, "foremast-config.json"));
            var foremast = Path.Combine(tools, "foremast");

            var (versionCode, version) = await RunAsync(foremast, elsewhere, "--version");
            Assert.Equal(0, versionCode);
            Assert.Matches(@"^\d+\.\d+\.\d+$", version.Trim());

            var (validateCode, validate) = await RunAsync(foremast, elsewhere, "validate", "runway", "--config", "foremast-config.json");
            output.WriteLine(validate);
            Assert.Equal(0, validateCode);
            Assert.Contains("runway: valid (3 envs)", validate);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string program, string directory, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.EnumerateDirectories(from)) CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
