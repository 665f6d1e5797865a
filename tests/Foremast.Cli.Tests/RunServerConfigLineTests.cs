using Foremast.Core.Config;
using Foremast.Tests.Shared;

namespace Foremast.Cli.Tests;

/// <summary><c>foremast run --server</c> says whose config the run uses: the engine's, never a file on this machine it does not read.</summary>
public sealed class RunServerConfigLineTests
{
    [Fact]
    public void Run_on_a_server_names_the_engine_s_config_and_not_a_local_config_it_does_not_read()
    {
        // A config.py this machine would use for a local run; the remote engine never sees it.
        var local = Path.Combine(Fixtures.Examples, "foremast-config.json");

        // Port 1 on loopback: nothing listens, so the command stops right after its config line.
        var (code, _, error) = CliRunner.RunWith(new Dictionary<string, string?> { [ConfigLocation.EnvironmentVariable] = local },
            "run", Path.Combine(Fixtures.Examples, "runway"), "--project", "acme", "--repo", "webshop", "--server", "http://127.0.0.1:1");

        var lines = CliRunner.Lines(error);
        Assert.Equal(1, code);
        Assert.Equal("using the config of the engine at http://127.0.0.1:1 (its Foremast:ConfigFile, else Foremast's defaults)", lines[0]);
        Assert.Single(lines, l => l.StartsWith("using ", StringComparison.Ordinal));
        Assert.DoesNotContain(local, error, StringComparison.Ordinal);
        Assert.DoesNotContain("default config", error, StringComparison.Ordinal);
        Assert.StartsWith("error: cannot reach the engine at http://127.0.0.1:1/", lines[1], StringComparison.Ordinal);
    }
}
