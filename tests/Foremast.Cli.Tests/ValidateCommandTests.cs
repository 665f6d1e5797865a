using Foremast.Tests.Shared;

namespace Foremast.Cli.Tests;

public class ValidateCommandTests
{
    public static TheoryData<string> Scenarios => new(Fixtures.ScenarioNames);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Validate_exits_0_on_every_conformance_runway(string scenario)
    {
        var (code, _, error) = CliRunner.Run("validate", Fixtures.ScenarioRunway(scenario), "--config", Fixtures.ScenarioConfig(scenario));

        Assert.True(code == 0, error);
    }

    [Fact]
    public void Validate_exits_0_on_the_example_application()
    {
        var (code, output, error) = CliRunner.Run("validate", Path.Combine(Fixtures.Examples, "runway"), "--config", Path.Combine(Fixtures.Examples, "foremast-config.json"));

        Assert.True(code == 0, error);
        Assert.Contains("valid (3 envs)", output);
    }

    [Fact]
    public void Validate_exits_2_and_names_file_path_and_expectation_on_a_bad_type()
    {
        var dir = Directory.CreateTempSubdirectory("runway-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "pipeline.json"), """{"type": "ec3", "env": ["dev"]}""");
            File.WriteAllText(Path.Combine(dir, "application-master-dev.json"), "{}");

            var (code, _, error) = CliRunner.Run("validate", dir);

            Assert.Equal(2, code);
            Assert.Contains("pipeline.json: $.type: expected one of", error);
            Assert.Contains("got string \"ec3\"", error);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
