using System.Diagnostics;
using Foremast.Local.Tests.Support;
using Foremast.Tests.Shared;
using Xunit.Abstractions;

namespace Foremast.Local.Tests;

/// <summary>
/// <c>foremast run</c> with nothing listening on Azurite's ports starts the clone's Azurite (<c>node_modules</c>, from the
/// <c>npm ci</c> that scripts/test.sh runs) and stops it again when a signal ends the run. The run lives in a network
/// namespace of its own (<c>unshare -n</c>, which needs root, as the test machines have), so the suite's Azurite on
/// 10000-10002 is out of its sight and it must start one; a probe in the same namespace then finds the ports closed.
/// </summary>
[Collection(HttpApiCollection.Name)]
public sealed class StartedAzuriteTests(ITestOutputHelper output)
{
    // The wrapper forwards SIGTERM to foremast (bash ignores nothing it traps) and probes the blob port once foremast has exited.
    private const string Wrapper = """
        set -u
        ip link set lo up
        dotnet "$FOREMAST_DLL" "$@" &
        pid=$!
        trap 'kill -s TERM $pid' TERM
        wait $pid; rc=$?
        while kill -0 $pid 2>/dev/null; do wait $pid; rc=$?; done
        if (exec 3<>/dev/tcp/127.0.0.1/10000) 2>/dev/null; then echo "probe: port 10000 still listening"; else echo "probe: port 10000 closed"; fi
        exit $rc
        """;

    [Fact]
    public async Task A_signal_stops_the_Azurite_the_run_started_and_the_run_ends_with_its_one_line_and_exit_130()
    {
        Assert.True(File.Exists(Path.Combine(Fixtures.Root, "node_modules", ".bin", "azurite")), "needs `npm ci` in the repository root (scripts/test.sh runs it)");
        var hub = TestHubs.New("cliazurite");
        var start = new ProcessStartInfo("unshare") { WorkingDirectory = Fixtures.Root };
        foreach (var arg in new[] { "-n", "bash", "-c", Wrapper, "bash" }) start.ArgumentList.Add(arg);
        foreach (var arg in new[]
                 {
                     "run", Path.Combine(Fixtures.Examples, "runway"), "--config", Path.Combine(Fixtures.Examples, "foremast-config.json"),
                     "--project", "acme", "--repo", "webshop", "--hub", hub, "--artifact", $"1.0.0-{hub}", "--plain",
                 })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["FOREMAST_DLL"] = Path.Combine(AppContext.BaseDirectory, "foremast.dll");
        start.Environment["Foremast__Local__ApprovalKeyFile"] = TempFiles.ActionsLog("approval-key");
        start.Environment["Foremast__Tuning__HealthPollInterval"] = "00:00:00.200";

        var (code, text, afterSignal) = await CliProcess.SignalAsync(start, TimeSpan.FromSeconds(180), line => line.Contains("waits for approval until", StringComparison.Ordinal), "TERM");
        output.WriteLine(text);
        output.WriteLine($"exit {afterSignal.TotalMilliseconds:0} ms after SIGTERM");

        Assert.DoesNotContain("unshare:", text); // e.g. "unshare: unshare failed: Operation not permitted" off a root machine
        Assert.Equal(130, code);
        Assert.True(afterSignal < TimeSpan.FromSeconds(6), $"exit took {afterSignal.TotalSeconds:0.0} s after SIGTERM");
        var lines = text.TrimEnd().Split('\n');
        Assert.Equal("probe: port 10000 closed", lines[^1]);
        Assert.StartsWith("stopped following run ", lines[^2], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }
}
