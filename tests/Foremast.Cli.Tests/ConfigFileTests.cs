using Foremast.Tests.Shared;

namespace Foremast.Cli.Tests;

/// <summary>Commands read --config by its extension and say which config they used.</summary>
public sealed class ConfigFileTests : IDisposable
{
    private const string Scenario = "01-ec2-3env-2region";

    private readonly string _dir = Directory.CreateTempSubdirectory("cli-config-").FullName;

    [Fact]
    public void Plan_from_an_INI_config_equals_plan_from_the_equivalent_JSON_and_names_the_file_it_used()
    {
        var ini = Path.Combine(_dir, "foremast.cfg");
        File.WriteAllText(ini, """
            [base]
            domain = example.com
            envs = dev,stage,prod
            regions = us-east-1,us-west-2
            gate_api_url = http://gate.invalid
            env_configs = {'dev': {'enable_approval_skip': True}, 'stage': {'enable_approval_skip': True}, 'prod': {'enable_approval_skip': False}}
            default_ec2_securitygroups = office
            [links]
            default = {'health': ':8080/health'}
            """);

        var (jsonCode, jsonPlan, jsonError) = CliRunner.Run("plan", Fixtures.ScenarioRunway(Scenario), "--json", "--config", Fixtures.ScenarioConfig(Scenario), "--project", "forrest", "--repo", "unicorn");
        var (iniCode, iniPlan, iniError) = CliRunner.Run("plan", Fixtures.ScenarioRunway(Scenario), "--json", "--config", ini, "--project", "forrest", "--repo", "unicorn");

        Assert.True(jsonCode == 0, jsonError);
        Assert.True(iniCode == 0, iniError);
        Assert.Equal(jsonPlan, iniPlan);
        Assert.Equal($"using config {ini}", iniError.Split('\n')[0].TrimEnd('\r'));
        Assert.Equal($"using config {Fixtures.ScenarioConfig(Scenario)}", jsonError.Split('\n')[0].TrimEnd('\r'));
    }

    [Fact]
    public void Validate_reads_a_config_py_and_reports_real_code_in_it_with_its_line()
    {
        var py = Path.Combine(_dir, "config.py");
        File.WriteAllText(py, "CONFIG = {'base': {'envs': 'dev,stage,prod'}}\nprint('hello')\n");

        var (code, _, error) = CliRunner.Run("validate", Fixtures.ScenarioRunway(Scenario), "--config", py);

        Assert.Equal(2, code);
        Assert.Equal($"using config {py}", CliRunner.Lines(error)[0]);
        Assert.StartsWith($"{py}: 2:1: cannot read \"print('hello')\": config.py may hold only comments and CONFIG = {{...}}", CliRunner.Problems(error)[0]);
    }

    [Fact]
    public void Serve_says_which_config_it_uses_before_it_starts()
    {
        var json = Fixtures.ScenarioConfig(Scenario);

        // An invalid task hub name is refused before storage is touched, after the config is found.
        var (code, _, error) = CliRunner.Run("serve", "--port", "0", "--hub", "x", "--config", json);

        Assert.Equal(2, code);
        Assert.Equal($"using config {json}", CliRunner.Lines(error)[0]);
    }

    [Fact]
    public void Serve_without_config_names_the_Foremast_ConfigFile_setting_the_engine_will_read()
    {
        var json = Fixtures.ScenarioConfig(Scenario);

        var (code, _, error) = CliRunner.RunWith(new Dictionary<string, string?> { ["Foremast__ConfigFile"] = json }, "serve", "--port", "0", "--hub", "x");

        Assert.Equal(2, code);
        Assert.Equal($"using config {json} (Foremast:ConfigFile)", CliRunner.Lines(error)[0]);
    }

    public void Dispose() => Directory.Delete(_dir, true);
}
