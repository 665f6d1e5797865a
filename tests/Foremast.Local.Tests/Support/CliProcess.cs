using System.Collections.Concurrent;
using System.Diagnostics;

namespace Foremast.Local.Tests.Support;

/// <summary><c>dotnet foremast.dll …</c> as a child process whose output lines a test can react to while it runs.</summary>
public static class CliProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(
        IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, Func<string, Task>? onLine = null)
    {
        var start = Foremast(args, environment);
        (start.RedirectStandardOutput, start.RedirectStandardError, start.UseShellExecute) = (true, true, false);

        var lines = new ConcurrentQueue<string>();
        var reactions = new ConcurrentQueue<Task>();
        using var process = new Process { StartInfo = start };
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null) return;
            lines.Enqueue(e.Data);
            if (onLine is not null) reactions.Enqueue(Task.Run(() => onLine(e.Data)));
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"foremast {string.Join(' ', args)} did not exit within {timeout.TotalSeconds:0} s:\n{string.Join('\n', lines)}");
        }

        process.WaitForExit(); // drains the asynchronous output readers
        await Task.WhenAll(reactions);
        return (process.ExitCode, string.Join('\n', lines));
    }

    /// <summary>
    /// Starts <c>foremast …</c>, sends <paramref name="signal"/> (a <c>kill</c> signal name such as INT or TERM) with the
    /// real <c>kill</c> once a line matches <paramref name="signalWhen"/>, and waits for the exit.
    /// </summary>
    /// <returns>The exit code, all output, and the time from the signal to the exit.</returns>
    public static Task<(int ExitCode, string Output, TimeSpan AfterSignal)> SignalAsync(
        IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, Func<string, bool> signalWhen, string signal)
        => SignalAsync(Foremast(args, environment), timeout, signalWhen, signal);

    /// <summary>As above, for a process that runs foremast in a wrapper (e.g. in a network namespace of its own).</summary>
    public static async Task<(int ExitCode, string Output, TimeSpan AfterSignal)> SignalAsync(ProcessStartInfo start, TimeSpan timeout, Func<string, bool> signalWhen, string signal)
    {
        (start.RedirectStandardOutput, start.RedirectStandardError, start.UseShellExecute) = (true, true, false);
        var args = start.ArgumentList;
        var lines = new ConcurrentQueue<string>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start };
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null) return;
            lines.Enqueue(e.Data);
            if (signalWhen(e.Data)) ready.TrySetResult();
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await ready.Task.WaitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"foremast {string.Join(' ', args)} printed no line to signal on within {timeout.TotalSeconds:0} s:\n{string.Join('\n', lines)}");
        }

        var signalled = Stopwatch.StartNew();
        using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { $"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!)
        {
            await kill.WaitForExitAsync(cts.Token);
        }

        // Long enough to tell "ignored" from "slow on a loaded machine"; the caller asserts the real bound.
        using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(exit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"foremast ignored SIG{signal} for 30 s:\n{string.Join('\n', lines)}");
        }

        var after = signalled.Elapsed;
        process.WaitForExit(); // drains the asynchronous output readers
        return (process.ExitCode, string.Join('\n', lines), after);
    }

    /// <summary><c>dotnet foremast.dll ARGS</c> with <paramref name="environment"/> added to the test's own.</summary>
    private static ProcessStartInfo Foremast(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "foremast.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return start;
    }
}
