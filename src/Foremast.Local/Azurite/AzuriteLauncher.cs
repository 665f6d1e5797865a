using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Foremast.Local.Azurite;

/// <summary>
/// With no storage configured, the engine needs Azurite on its fixed ports. When nothing listens there, this starts the
/// repository's pinned Azurite (<c>node_modules/.bin/azurite</c>, from <c>npm ci</c>, found above the program or the
/// working directory; for an installed tool outside a clone, the per-user copy of <see cref="AzuriteCache"/>, installed
/// on first use) with its data in <c>.azurite/</c> beside it, so runs survive an engine restart, and stops it when the
/// engine stops. An Azurite that already runs is used and left alone.
/// </summary>
internal sealed class AzuriteLauncher(IOptions<LocalEngineOptions> options, ILogger<AzuriteLauncher> log) : IHostedService
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(3);

    private Process? _azurite;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.StorageConnectionString)) return;
        if (await AzuritePorts.AllOpenAsync(cancellationToken)) return;

        var command = options.Value.AzuriteCommand ?? FindCommand() ?? await AzuriteCache.EnsureAsync(cancellationToken)
            ?? throw new InvalidOperationException(
                "No storage: nothing listens on 127.0.0.1:10000-10002 and node_modules/.bin/azurite was not found. " +
                "Run `npm ci` in the repository root, start Azurite yourself, or set Foremast:Local:StorageConnectionString.");
        var dataDirectory = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(command)!)!)!, ".azurite");
        Directory.CreateDirectory(dataDirectory);

        var output = new BoundedLog(40);
        _azurite = Start(command, dataDirectory, output);
        log.LogInformation("started Azurite (pid {Pid}) with data in {Directory}", _azurite.Id, dataDirectory);

        var watch = Stopwatch.StartNew();
        while (!await AzuritePorts.AllOpenAsync(cancellationToken))
        {
            if (_azurite.HasExited) throw new InvalidOperationException($"Azurite exited with code {_azurite.ExitCode} before it listened:\n{output}");
            if (watch.Elapsed > ReadyTimeout) throw new TimeoutException($"Azurite did not listen on 127.0.0.1:10000-10002 within {ReadyTimeout.TotalSeconds:0} s:\n{output}");
            await Task.Delay(100, cancellationToken);
        }

        log.LogInformation("Azurite ready after {Elapsed} ms", watch.ElapsedMilliseconds);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_azurite is null) return;
        await ProcessSignals.StopAsync(_azurite, StopGrace);
        _azurite.Dispose();
        _azurite = null;
    }

    private static Process Start(string command, string dataDirectory, BoundedLog output)
    {
        var start = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     // Telemetry has no network to reach here, and its exporter kept Azurite alive for minutes after SIGTERM.
                     "--silent", "--disableTelemetry", "--location", dataDirectory,
                     "--blobHost", "127.0.0.1", "--blobPort", "10000",
                     "--queueHost", "127.0.0.1", "--queuePort", "10001",
                     "--tableHost", "127.0.0.1", "--tablePort", "10002",
                     "--skipApiVersionCheck", "--loose",
                 })
        {
            start.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = start };

        // Drained so a chatty Azurite can never block on a full pipe; the tail explains a failed start.
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The nearest <c>node_modules/.bin/azurite</c> above the program or the working directory.</summary>
    private static string? FindCommand()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");
                if (File.Exists(candidate)) return candidate;
            }
        }

        return null;
    }
}
