using System.Text.Json;
using Foremast.Core.Config;
using Foremast.Core.Validation;
using Foremast.Core.Tests.Validation;
using Foremast.Tests.Shared;

namespace Foremast.Core.Tests.Config;

/// <summary>Foremast's own config files: INI foremast.cfg (merged as ConfigParser.read does) and config.py, read the way Foremast found them.</summary>
public sealed class ConfigFileTests : IDisposable
{
    private const string Scenario = "01-ec2-3env-2region";

    /// <summary>Scenario 01's foremast-config.json as Foremast's INI (string values, Python literals for the dicts).</summary>
    private const string Ini = """
        # scenario 01, as a Foremast user keeps it
        [base]
        domain = example.com
        envs = dev,stage,prod
        regions = us-east-1,us-west-2
        ami_json_url = http://ami.invalid/ami_lookup.json
        gate_api_url = http://gate.invalid
        default_run_as_user = trigger_runner
        env_configs = {'dev': {'enable_approval_skip': True},
            'stage': {'enable_approval_skip': True},
            'prod': {'enable_approval_skip': False}}
        default_securitygroup_rules = {'bastion': [{'start_port': 22, 'end_port': 22, 'protocol': 'tcp'}]}
        default_ec2_securitygroups = office
        default_elb_securitygroups =

        [credentials]
        slack_token = xoxb-fake

        [whitelists]
        asg_whitelist =

        [formats]

        [links]
        ; Python literal, as consts.py reads it
        default = {'health': ':8080/health'}
        """;

    private const string ConfigPy = """
        # Foremast config.py: only a literal CONFIG is read
        CONFIG = {
            'base': {
                'domain': 'example.com',
                'envs': 'dev,stage,prod',  # comma list, as in INI
                'regions': 'us-east-1,us-west-2',
                'ami_json_url': 'http://ami.invalid/ami_lookup.json',
                'gate_api_url': 'http://gate.invalid',
                'default_run_as_user': 'trigger_runner',
                'env_configs': {
                    'dev': {'enable_approval_skip': True},
                    'stage': {'enable_approval_skip': True},
                    'prod': {'enable_approval_skip': False},
                },
                'default_securitygroup_rules': {'bastion': [{'start_port': 22, 'end_port': 22, 'protocol': 'tcp'}]},
                'default_ec2_securitygroups': 'office',
                'default_elb_securitygroups': '',
            },
            'credentials': {'slack_token': 'xoxb-fake'},
            'whitelists': {'asg_whitelist': ''},
            'formats': {},
            'links': {'default': "{'health': ':8080/health'}"},
        }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("foremast-config-").FullName;

    [Fact]
    public void An_INI_config_equivalent_to_the_JSON_one_yields_the_same_snapshot()
    {
        var ini = Write("foremast.cfg", Ini);

        var fromJson = Load(Fixtures.ScenarioConfig(Scenario));
        var fromIni = Load(ini);

        Assert.Equal(Serialize(fromJson), Serialize(fromIni));
    }

    [Fact]
    public void A_config_py_with_a_literal_CONFIG_yields_the_same_snapshot_as_the_JSON_one()
    {
        var py = Write("config.py", ConfigPy);

        Assert.Equal(Serialize(Load(Fixtures.ScenarioConfig(Scenario))), Serialize(Load(py)));
    }

    [Fact]
    public void INI_files_merge_key_by_key_with_the_working_directory_file_winning()
    {
        var system = Path.Combine(_dir, "etc");
        Write(Path.Combine("etc", "foremast.cfg"), "[base]\ndomain = etc.example.com\nenvs = dev\ngate_api_url = http://etc.invalid\n");
        var home = Path.Combine(_dir, "home");
        Write(Path.Combine("home", ".foremast", "foremast.cfg"), "[base]\ndomain = home.example.com\n[formats]\ndomain = home.example.com\n");
        var work = Path.Combine(_dir, "work");
        Write(Path.Combine("work", ".foremast", "foremast.cfg"), "[base]\nDomain = work.example.com\n");

        var location = ConfigLocation.Find(null, work, home, null, system);
        var diagnostics = new List<Diagnostic>();
        var settings = ForemastSettingsLoader.Load(location.Path, diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal("work.example.com", settings.Domain);
        Assert.Equal(["dev"], settings.Envs);
        Assert.Equal("http://etc.invalid", settings.GateApiUrl);
        Assert.Equal("home.example.com", settings.Formats["domain"]);
        Assert.Equal($"config {Path.Combine(system, "foremast.cfg")}, {Path.Combine(home, ".foremast", "foremast.cfg")}, {Path.Combine(work, ".foremast", "foremast.cfg")} (INI, merged; later files win)", location.Description);
    }

    [Fact]
    public void Config_py_is_used_only_when_no_INI_file_exists_and_FOREMAST_CONFIG_FILE_names_it()
    {
        var work = Path.Combine(_dir, "work");
        Directory.CreateDirectory(work);
        var named = Write("elsewhere.py", ConfigPy);

        Assert.Equal(named, ConfigLocation.Find(null, work, null, named, Path.Combine(_dir, "no-etc")).Path);
        Write(Path.Combine("work", "config.py"), ConfigPy);
        Assert.Equal(Path.Combine(work, "config.py"), ConfigLocation.Find(null, work, null, null, Path.Combine(_dir, "no-etc")).Path);
        Write(Path.Combine("work", ".foremast", "foremast.cfg"), "[base]\n");
        Assert.Equal(Path.Combine(work, ".foremast", "foremast.cfg"), ConfigLocation.Find(null, work, null, named, Path.Combine(_dir, "no-etc")).Path);
        Assert.Null(ConfigLocation.Find(null, Path.Combine(_dir, "empty"), null, null, Path.Combine(_dir, "no-etc")).Path);
    }

    [Fact]
    public void A_config_py_with_real_code_is_an_error_naming_the_line_and_how_to_convert_it()
    {
        var py = Write("config.py", "# settings\nimport os\nCONFIG = {'base': {'domain': os.environ['DOMAIN']}}\n");
        var diagnostics = new List<Diagnostic>();

        ForemastSettingsLoader.Load(py, diagnostics);

        Assert.Equal(
            $"{py}: 2:1: cannot read \"import os\": config.py may hold only comments and CONFIG = {{...}}; convert it to JSON once with python3 -c 'import json, config; print(json.dumps(config.CONFIG, indent=2))' > foremast.json and pass --config foremast.json",
            Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void A_config_py_whose_CONFIG_is_not_a_literal_names_the_assignment_line()
    {
        var py = Write("config.py", "\n\nCONFIG = dict(base={'domain': 'x'})\n");
        var diagnostics = new List<Diagnostic>();

        ForemastSettingsLoader.Load(py, diagnostics);

        Assert.StartsWith($"{py}: 3:1: cannot read \"CONFIG = dict(base={{'domain': 'x'}})\": CONFIG is not a literal dictionary", Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void INI_lines_that_are_not_key_value_pairs_are_errors_with_their_line()
    {
        var ini = Write("broken.cfg", "[base]\ndomain = example.com\nthis is not a pair\n");
        var diagnostics = new List<Diagnostic>();

        ForemastSettingsLoader.Load(ini, diagnostics);

        Assert.Equal($"{ini}: 3:1: invalid INI: expected key = value, got \"this is not a pair\"", Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void INI_values_interpolate_and_booleans_read_as_ConfigParser_getboolean_does()
    {
        var ini = Write("foremast.cfg", "[DEFAULT]\nzone = example.com\n[base]\ndomain = apps.%(zone)s\ngate_api_url = http://gate.invalid/100%%\n[lambda]\nstandalone_mode = yes\n");
        var diagnostics = new List<Diagnostic>();

        var settings = ForemastSettingsLoader.Load(ini, diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal("apps.example.com", settings.Domain);
        Assert.Equal("http://gate.invalid/100%", settings.GateApiUrl);
        Assert.True(settings.LambdaStandaloneMode);
    }

    [Fact]
    public void A_jinja_override_of_a_defaults_template_is_an_error_naming_the_file()
    {
        var template = Write(Path.Combine("templates", "configs", "configs.json.j2"), "{}");
        var settings = Runways.Settings(Scenario) with { TemplatesPath = Path.Combine(_dir, "templates") };

        var result = RunwayLoader.FromTexts(Runways.Texts(Scenario), settings, "forrest", "unicorn");

        Assert.Contains($"{template}: $: Jinja overrides of the defaults template configs/configs.json.sbn are not supported; write it in Scriban as configs/configs.json.sbn in templates_path", result.Errors.Select(e => e.ToString()));
    }

    public void Dispose() => Directory.Delete(_dir, true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static ConfigSnapshot Load(string config)
    {
        var result = RunwayLoader.Load(new LoadRequest(Fixtures.ScenarioRunway(Scenario), config, "forrest", "unicorn"));
        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        return result.Snapshot!;
    }

    private static string Serialize(ConfigSnapshot snapshot) => JsonSerializer.Serialize(snapshot with { Warnings = [] });
}
