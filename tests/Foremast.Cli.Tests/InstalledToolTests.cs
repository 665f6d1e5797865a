using Foremast.Tests.Shared;
using Xunit.Abstractions;

namespace Foremast.Cli.Tests;

/// <summary>
/// The <c>foremast</c> users install (<c>scripts/install-tool.sh</c>): a native executable that runs the offline commands
/// itself and hands everything else to the managed foremast it carries in engine/. The package is built from the
/// existing Release build (<c>--from-build</c>: the engine without ReadyToRun); the cold starts are measured in
/// docs/performance.md, never here.
/// </summary>
public sealed class InstalledToolTests(InstalledTool tool, ITestOutputHelper output) : IClassFixture<InstalledTool>
{
    [Fact]
    public void Install_script_installs_the_native_foremast_with_the_managed_engine_beside_it()
    {
        output.WriteLine(tool.InstallOutput);
        Assert.Equal(0, tool.InstallExitCode);
        Assert.Contains("install-tool: installed foremast 0.1.0-dev.", tool.InstallOutput);

        var executable = new FileInfo(tool.Foremast).ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? new FileInfo(tool.Foremast);
        var directory = executable.DirectoryName!;
        using (var file = executable.OpenRead())
        {
            var magic = new byte[4];
            file.ReadExactly(magic);
            Assert.Equal([0x7F, (byte)'E', (byte)'L', (byte)'F'], magic);
        }

        // A native executable, not an apphost: no managed foremast.dll next to it, only the engine's.
        Assert.False(File.Exists(Path.Combine(directory, "foremast.dll")));
        Assert.True(File.Exists(Path.Combine(directory, "engine", "foremast.dll")));
    }

    [Fact]
    public async Task Installed_foremast_prints_its_version_and_validates_from_outside_the_clone()
    {
        // A directory with no clone above it, holding only a copy of the example's files.
        var elsewhere = Directory.CreateDirectory(Path.Combine(tool.Work, "elsewhere")).FullName;
        CopyDirectory(Path.Combine(Fixtures.Examples, "runway"), Path.Combine(elsewhere, "runway"));
        File.Copy(Path.Combine(Fixtures.Examples, "foremast-config.json"), Path.Combine(elsewhere, "foremast-config.json"), overwrite: true);

        var version = await InstalledTool.RunAsync(tool.Foremast, elsewhere, "--version");
        Assert.Equal(0, version.Code);
        Assert.Matches(@"^\d+\.\d+\.\d+$", version.Out.Trim());

        var validate = await InstalledTool.RunAsync(tool.Foremast, elsewhere, "validate", "runway", "--config", "foremast-config.json");
        output.WriteLine(validate.Out + validate.Error);
        Assert.Equal(0, validate.Code);
        Assert.Contains("runway: valid (3 envs)", validate.Out);
    }

    [Fact]
    public async Task Installed_foremast_hands_engine_commands_help_and_unknown_commands_to_the_managed_foremast()
    {
        var help = await InstalledTool.RunAsync(tool.Foremast, Fixtures.Root, "--help");
        Assert.Equal(0, help.Code);
        Assert.Contains("run <runway-dir>", help.Out);
        Assert.Contains("serve", help.Out);

        var runHelp = await InstalledTool.RunAsync(tool.Foremast, Fixtures.Root, "run", "--help");
        Assert.Equal(0, runHelp.Code);
        Assert.Contains("--approve", runHelp.Out);

        var unknown = await InstalledTool.RunAsync(tool.Foremast, Fixtures.Root, "rnu");
        Assert.Equal(2, unknown.Code);
        Assert.Contains("error: unknown command \"rnu\"; did you mean \"run\"?", unknown.Error);

        // generate reading the account is the engine's: with no account configured it says so, as the managed one does.
        var out1 = Path.Combine(tool.Work, "aws-lookups");
        var aws = await InstalledTool.RunAsync(tool.Foremast, Fixtures.Root, "generate", "examples/runway", "--config", "examples/foremast-config.json",
            "--project", "acme", "--repo", "webshop", "--lookups", "aws", "--out", out1);
        Assert.Equal(1, aws.Code);
        Assert.Contains("error: --lookups aws: no AWS account is configured here", aws.Error);
    }

    // Runs the installed foremast in a network namespace of its own, waits for the run to stop at the checkpoint, sends
    // SIGTERM, prints what foremast printed, then probes Azurite's blob port from inside the namespace.
    private const string FirstUseScript = """
        set -u
        ip link set lo up
        log="$PWD/run.log"
        "$FOREMAST" run runway --config foremast-config.json --project acme --repo webshop --plain > "$log" 2>&1 &
        pid=$!
        for _ in $(seq 1 3000); do
          grep -q "waits for approval until" "$log" && break
          kill -0 $pid 2>/dev/null || break
          sleep 0.1
        done
        kill -s TERM $pid 2>/dev/null
        wait $pid; rc=$?
        cat "$log"
        if (exec 3<>/dev/tcp/127.0.0.1/10000) 2>/dev/null; then echo "probe: port 10000 still listening"; else echo "probe: port 10000 closed"; fi
        exit $rc
        """;

    /// <summary>
    /// Outside a clone, with nothing listening on Azurite's ports, the installed foremast installs Azurite into the
    /// per-user cache on first use (the real <c>npm ci</c> of the pin it ships), runs on it, and stops it on SIGTERM. The
    /// network namespace (<c>unshare -n</c>, root) hides the suite's Azurite and the npm registry too, so npm installs
    /// from its local cache (<c>npm_config_offline</c>), which the suite's own <c>npm ci</c> of the same lock file filled.
    /// </summary>
    [Fact]
    public async Task Installed_foremast_outside_a_clone_installs_azurite_on_first_use_into_the_user_cache_and_stops_it_with_the_run()
    {
        var elsewhere = Directory.CreateDirectory(Path.Combine(tool.Work, "first-use")).FullName;
        CopyDirectory(Path.Combine(Fixtures.Examples, "runway"), Path.Combine(elsewhere, "runway"));
        File.Copy(Path.Combine(Fixtures.Examples, "foremast-config.json"), Path.Combine(elsewhere, "foremast-config.json"), overwrite: true);
        var cache = Path.Combine(tool.Work, "xdg-cache");

        var (code, stdout, stderr) = await InstalledTool.RunAsync("unshare", elsewhere, new Dictionary<string, string>
        {
            ["FOREMAST"] = tool.Foremast,
            ["XDG_CACHE_HOME"] = cache,
            ["npm_config_offline"] = "true",
            // Not the user's ~/.foremast/approval.key.
            ["Foremast__Local__ApprovalKeyFile"] = Path.Combine(tool.Work, "approval.key"),
        }, "-n", "bash", "-c", FirstUseScript);
        var text = stdout + stderr;
        output.WriteLine(text);

        Assert.DoesNotContain("unshare:", text); // e.g. "unshare failed: Operation not permitted" off a root machine
        Assert.Contains($"foremast: installing Azurite into {Path.Combine(cache, "foremast", "azurite")} (first use, npm ci)", text);
        Assert.True(File.Exists(Path.Combine(cache, "foremast", "azurite", "node_modules", ".bin", "azurite")));
        Assert.Contains("waits for approval until", text);
        Assert.Equal(130, code);
        var lines = text.TrimEnd().Split('\n');
        Assert.Equal("probe: port 10000 closed", lines[^1]);
        Assert.StartsWith("stopped following run ", lines[^2], StringComparison.Ordinal);
    }

    /// <summary>The offline command lines the native build runs itself, each with the exit code, stdout and stderr the managed build gives.</summary>
    public static TheoryData<string, string[]> OfflineCommandLines()
    {
        var data = new TheoryData<string, string[]>();
        string[] example = ["examples/runway", "--config", "examples/foremast-config.json", "--project", "acme", "--repo", "webshop"];
        data.Add("validate example", ["validate", .. example]);
        data.Add("plan example", ["plan", .. example]);
        data.Add("plan --json example", ["plan", .. example, "--json"]);
        data.Add("generate example", ["generate", .. example, "--lookups", "examples/lookups.json", "--out", "{out}"]);
        foreach (var scenario in Fixtures.ScenarioNames)
        {
            var dir = $"tests/fixtures/foremast/{scenario}";
            string[] runway = [$"{dir}/input/runway", "--config", $"{dir}/input/foremast-config.json", "--project", "forrest", "--repo", "unicorn"];
            data.Add($"validate {scenario}", ["validate", .. runway]);
            data.Add($"plan --json {scenario}", ["plan", .. runway, "--json"]);
            data.Add($"generate {scenario}", ["generate", .. runway, "--lookups", $"{dir}/lookups.json", "--out", "{out}"]);
        }

        data.Add("schema", ["schema", "--out", "{out}"]);
        data.Add("invalid runway", ["validate", "{bad}"]);
        data.Add("duplicate key", ["validate", "{duplicate}"]);
        data.Add("unknown option", ["validate", "examples/runway", "--cofnig", "x.json"]);
        data.Add("missing argument", ["plan"]);
        data.Add("missing options", ["generate", .. example]);
        data.Add("file for a directory", ["generate", .. example, "--lookups", "examples/lookups.json", "--out", "examples/lookups.json"]);
        data.Add("command help", ["generate", "--help"]);
        return data;
    }

    [Theory]
    [MemberData(nameof(OfflineCommandLines))]
    public async Task Native_foremast_prints_what_the_managed_foremast_prints(string name, string[] args)
    {
        var work = Directory.CreateDirectory(Path.Combine(tool.Work, "offline", name.Replace(' ', '-'))).FullName;
        var native = await RunOfflineAsync(work, "native", args, (a, dir) => InstalledTool.RunAsync(tool.Foremast, Fixtures.Root, a));
        var managed = await RunOfflineAsync(work, "managed", args, (a, dir) => InstalledTool.RunAsync("dotnet", Fixtures.Root, [InstalledTool.ManagedDll, .. a]));
        output.WriteLine($"native {native.Code}:\n{native.Out}{native.Error}\nmanaged {managed.Code}:\n{managed.Out}{managed.Error}");

        Assert.Equal(managed.Code, native.Code);
        Assert.Equal(managed.Out, native.Out);
        Assert.Equal(managed.Error, native.Error);
        Assert.Equal(managed.Files, native.Files);
        Assert.DoesNotContain("this is a bug in foremast", native.Error);
    }

    /// <summary>Runs one build with <c>{out}</c>, <c>{bad}</c> and <c>{duplicate}</c> replaced by directories of its own, and reads back what it wrote, with those directories spelt as the placeholders again.</summary>
    private static async Task<(int Code, string Out, string Error, Dictionary<string, string> Files)> RunOfflineAsync(
        string work, string build, string[] args, Func<string[], string, Task<(int Code, string Out, string Error)>> run)
    {
        var outDir = Path.Combine(work, build, "out");
        var bad = Directory.CreateDirectory(Path.Combine(work, build, "bad")).FullName;
        File.WriteAllText(Path.Combine(bad, "pipeline.json"), """{"type": "ec3", "env": ["dev"]}""");
        File.WriteAllText(Path.Combine(bad, "application-master-dev.json"), "{}");
        var duplicate = Directory.CreateDirectory(Path.Combine(work, build, "duplicate")).FullName;
        File.WriteAllText(Path.Combine(duplicate, "pipeline.json"), """{"type": "ec2", "env": ["dev"], "type": "lambda"}""");
        File.WriteAllText(Path.Combine(duplicate, "application-master-dev.json"), "{}");

        var replaced = args.Select(a => a.Replace("{out}", outDir).Replace("{bad}", bad).Replace("{duplicate}", duplicate)).ToArray();
        var (code, stdout, stderr) = await run(replaced, work);
        string Placeholders(string text) => text.Replace(outDir, "{out}").Replace(bad, "{bad}").Replace(duplicate, "{duplicate}");
        var files = Directory.Exists(outDir)
            ? Directory.GetFiles(outDir, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(outDir, f), File.ReadAllText)
            : [];
        return (code, Placeholders(stdout), Placeholders(stderr), files);
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        foreach (var dir in Directory.EnumerateDirectories(from)) CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
