using System.Collections.Concurrent;
using System.Diagnostics;

namespace Foremast.Local.Tests.Support;

/// <summary><c>dotnet foremast.dll …</c> as a child process whose output lines a test can react to while it runs.</summary>
public static class CliProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(
        IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, Func<string, Task>? onLine = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "foremast.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) start.Environment[key] = value;

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
}
