using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Foremast.Local.DryRun;

namespace Foremast.Local.Tests.Support;

/// <summary>
/// <c>foremast serve</c> as a child process, so a test can kill -9 it like a crash would. The CLI is built and copied
/// next to the test assembly by the project reference.
/// </summary>
public sealed partial class EngineProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private EngineProcess(Process process, string hub, string actionsLog)
    {
        _process = process;
        Hub = hub;
        ActionsLog = actionsLog;
    }

    public string Hub { get; }

    public string ActionsLog { get; }

    public Uri Url { get; private set; } = null!;

    public string WorkerId { get; private set; } = "";

    /// <summary>From process start until the engine printed its URL (storage ready, hub created, worker started).</summary>
    public TimeSpan StartupTime { get; private set; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output => string.Join('\n', _output);

    public IReadOnlyList<ActionLogEntry> Actions => ActionLog.Read(ActionsLog);

    /// <param name="storage">The task hub's storage connection string; default the suite's Azurite.</param>
    public static async Task<EngineProcess> StartAsync(string hub, string actionsLog, IReadOnlyDictionary<string, string>? environment = null, string? storage = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "foremast.dll"), "serve", "--port", "0", "--hub", hub, "--storage", storage ?? LocalEngineOptions.DevelopmentStorage, "--actions-log", actionsLog })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment ?? TestHubs.FastRecovery) start.Environment[key] = value;

        var engine = new EngineProcess(new Process { StartInfo = start }, hub, actionsLog);
        await engine.WaitUntilListeningAsync();
        return engine;
    }

    /// <summary>Runs the CLI with <paramref name="args"/> until it exits; for commands that should refuse to start.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "foremast.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>kill -9: no shutdown code runs, exactly like a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as from a service manager or Ctrl+C; returns how long the engine took to exit.</summary>
    public async Task<TimeSpan> TerminateAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        _ = SysKill(_process.Id, 15);
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return watch.Elapsed;
    }

    public int ExitCode => _process.ExitCode;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
    }

    private async Task WaitUntilListeningAsync()
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watch = Stopwatch.StartNew();
        DataReceivedEventHandler onLine = (_, e) =>
        {
            if (e.Data is null) return;
            _output.Enqueue(e.Data);
            if (Listening().Match(e.Data) is { Success: true } m)
            {
                Url = new Uri(m.Groups["url"].Value);
                WorkerId = m.Groups["worker"].Value;
                StartupTime = watch.Elapsed;
                ready.TrySetResult();
            }
        };
        _process.OutputDataReceived += onLine;
        _process.ErrorDataReceived += onLine;
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(ready.Task, exited, Task.Delay(StartTimeout));
        if (first == ready.Task) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"foremast serve did not start within {StartTimeout.TotalSeconds:0} s (hub {Hub}):\n{Output}");
    }

    [GeneratedRegex(@"listening on (?<url>http://\S+) \(task hub \S+, worker (?<worker>[^,]+),")]
    private static partial Regex Listening();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SysKill(int pid, int signal);
}
