using Foremast.Tests.Shared;

namespace Foremast.Functions.Tests;

/// <summary>infra/ compiles and lints cleanly with the Bicep CLI: any error or warning fails the build check.</summary>
public sealed class InfraBicepTests
{
    private static string Infra => Path.Combine(Fixtures.Root, "infra");

    [Fact]
    public async Task Main_bicep_and_its_modules_build_without_errors_or_warnings()
    {
        var outDir = Directory.CreateTempSubdirectory("foremast-bicep-").FullName;
        try
        {
            var (exitCode, output) = await BicepCli.RunAsync("build", Path.Combine(Infra, "main.bicep"), "--outdir", outDir);

            Assert.True(exitCode == 0 && output.Trim().Length == 0, $"bicep build exited {exitCode}:\n{output}");
            Assert.True(File.Exists(Path.Combine(outDir, "main.json")));
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }

    [Fact]
    public async Task Main_bicep_and_its_modules_pass_bicep_lint_with_the_repository_rules()
    {
        var (exitCode, output) = await BicepCli.RunAsync("lint", Path.Combine(Infra, "main.bicep"));

        Assert.True(exitCode == 0 && output.Trim().Length == 0, $"bicep lint exited {exitCode}:\n{output}");
    }

    [Fact]
    public async Task Lint_reports_a_warning_for_a_template_with_an_unused_parameter()
    {
        // The check above is only as good as the CLI's reporting: a known-bad template must produce output it would fail on.
        var dir = Directory.CreateTempSubdirectory("foremast-bicep-").FullName;
        try
        {
            var file = Path.Combine(dir, "bad.bicep");
            await File.WriteAllTextAsync(file, "param unused string\n");

            var (_, output) = await BicepCli.RunAsync("lint", file);

            Assert.Contains("no-unused-params", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
