using System.Diagnostics;
using Foremast.Tests.Shared;

namespace Foremast.Cli.Tests;

/// <summary>
/// <c>scripts/install-tool.sh --from-build</c> run once for the installed-tool tests, into a temporary tool path (never the
/// global tools): the native foremast is compiled ahead of time, which takes a minute or two, so the tests share it.
/// </summary>
public sealed class InstalledTool : IAsyncLifetime
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("foremast-tool-");

    public string Work => _work.FullName;

    /// <summary>The <c>foremast</c> the tool path holds (a link to the native executable in the tool's store).</summary>
    public string Foremast => Path.Combine(Work, "tools", "foremast");

    /// <summary>What the install script printed.</summary>
    public string InstallOutput { get; private set; } = "";

    public int InstallExitCode { get; private set; }

    /// <summary>The managed foremast of this build, as <c>scripts/example.sh</c> runs it.</summary>
    public static string ManagedDll => Path.Combine(Fixtures.Root, "src", "Foremast.Cli", "bin", "Release", "net10.0", "foremast.dll");

    public async Task InitializeAsync()
    {
        var result = await RunAsync("bash", Fixtures.Root, Path.Combine(Fixtures.Root, "scripts", "install-tool.sh"), "--from-build", "--tool-path", Path.Combine(Work, "tools"));
        (InstallExitCode, InstallOutput) = (result.Code, result.Out + result.Error);
    }

    public Task DisposeAsync()
    {
        _work.Delete(recursive: true);
        return Task.CompletedTask;
    }

    public static Task<(int Code, string Out, string Error)> RunAsync(string program, string directory, params string[] args) =>
        RunAsync(program, directory, new Dictionary<string, string>(), args);

    /// <param name="environment">Variables added to the test's own for this process.</param>
    public static async Task<(int Code, string Out, string Error)> RunAsync(string program, string directory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
