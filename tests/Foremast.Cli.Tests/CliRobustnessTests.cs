using Foremast.Tests.Shared;

namespace Foremast.Cli.Tests;

/// <summary>
/// Every command with inputs it cannot use: one line naming what is wrong (plus usage where it helps), the
/// documented exit code, and never exception text.
/// </summary>
public sealed class CliRobustnessTests : IDisposable
{
    private const string Scenario = "01-ec2-3env-2region";

    private static readonly Dictionary<string, (string[] Args, int Code, string FirstLine)> Table = new()
    {
        ["misspelt command"] = (["valdate", "{runway}"], 2, "error: unknown command \"valdate\"; did you mean \"validate\"?"),
        ["unknown command"] = (["deploy"], 2, "error: unknown command \"deploy\" (commands: {commands})"),
        ["validate without its directory"] = (["validate"], 2, "error: missing argument <runway-dir>"),
        ["plan without its directory"] = (["plan"], 2, "error: missing argument <runway-dir>"),
        ["generate without its directory"] = (["generate"], 2, "error: missing argument <runway-dir>"),
        ["publish without its directory"] = (["publish"], 2, "error: missing argument <runway-dir>"),
        ["run without its directory"] = (["run"], 2, "error: missing argument <runway-dir>"),
        ["unknown option"] = (["validate", "{runway}", "--no-such-option"], 2, "error: unknown option --no-such-option for validate"),
        ["misspelt option"] = (["plan", "{runway}", "--confg", "{config}"], 2, "error: unknown option --confg for plan; did you mean --config?"),
        ["unknown short option"] = (["schema", "-x"], 2, "error: unknown option -x for schema"),
        ["runway directory is a file"] = (["validate", "{file}"], 2, "error: <runway-dir> {file}: expected a directory, got a file"),
        ["runway directory missing"] = (["validate", "{tmp}/nowhere"], 2, "{tmp}/nowhere: $: runway directory not found"),
        ["--out names a file"] = (["generate", "{runway}", "{names}", "--lookups", "{lookups}", "--out", "{file}"], 2, "error: --out {file}: expected a directory, got a file"),
        ["schema --out names a file"] = (["schema", "--out", "{file}"], 2, "error: --out {file}: expected a directory, got a file"),
        ["--lookups names a directory"] = (["generate", "{runway}", "{names}", "--lookups", "{tmp}", "--out", "{tmp}/out"], 2, "error: --lookups {tmp}: expected a file, got a directory"),
        ["--lookups of the wrong shape"] = (["generate", "{runway}", "{names}", "--lookups", "{badshape}", "--out", "{tmp}/out"], 2, "error: {badshape}: $.availability_zones.dev.us-east-1: expected an array of zone names, got string \"us-east-1a\""),
        ["--lookups not JSON"] = (["generate", "{runway}", "{names}", "--lookups", "{notjson}", "--out", "{tmp}/out"], 2, "error: {notjson}: 1:3: invalid JSON: '1' is an invalid end of a number. Expected a delimiter"),
        ["--lookups missing"] = (["generate", "{runway}", "{names}", "--lookups", "{tmp}/none.json", "--out", "{tmp}/out"], 2, "error: --lookups {tmp}/none.json: cannot read the file (Could not find file '{tmp}/none.json'.)"),
        ["--config names a directory"] = (["validate", "{runway}", "--config", "{tmp}"], 2, "error: --config {tmp}: expected a file, got a directory"),
        ["port that is not a number"] = (["serve", "--port", "abc"], 2, "error: --port: expected a whole number, got \"abc\""),
        ["timeout that is not a number"] = (["run", "{runway}", "--timeout", "soon"], 2, "error: --timeout: expected a whole number, got \"soon\""),
        ["publish without pipelines"] = (["publish", "{runway}", "{names}"], 2, "error: --pipelines DIR is required"),
        ["Foremast's rebuild"] = (["rebuild", "--all"], 2, "error: foremast rebuild is not offered: run `foremast pipeline app` for each application (PROJECT, GIT_REPO, RUNWAY_DIR), for example from a CI job over the repositories"),
        ["Foremast's scheduledactions"] = (["scheduledactions"], 2, "error: foremast scheduledactions is not offered: asg.scheduled_actions is validated, but this tool does not apply scheduled actions"),
        ["Foremast's validate gate"] = (["validate", "gate"], 2, "error: foremast validate gate (Foremast's Gate connectivity check) is not offered: `foremast publish` reports an unreachable Gate with its error; `foremast validate <runway-dir>` checks a runway directory"),
        ["pipeline without a subcommand"] = (["pipeline", "ap"], 2, "error: unknown command \"ap\"; did you mean \"app\"?"),
        ["pipeline onetime without an env"] = (["pipeline", "onetime", "{runway}", "{names}", "--lookups", "{lookups}"], 2, "error: no env: pass --env or set ENV"),
        ["pipeline app without lookups"] = (["pipeline", "app", "{runway}", "{names}"], 2, "error: --lookups FILE is required (the facts Foremast asked Gate for: subnets, AMIs, accounts)"),
        ["manual pipeline entry that is a directory"] = (["validate", "{manual-dir}", "--config", "{config}"], 2, "pipeline.json: $.pipeline_files[0]: expected a pipeline file, got the directory {manual-dir}/pipelines"),
        ["manual pipeline with a null name"] = (["generate", "{manual-null}", "{names}", "--lookups", "{lookups}", "--out", "{tmp}/out"], 2, "error: pipeline file \"deploy.json\": \"name\" must be a non-empty string, got null (leave it out to use the file name)"),
        ["two manual pipelines with one name"] = (["generate", "{manual-twice}", "{names}", "--lookups", "{lookups}", "--out", "{tmp}/out"], 2, "error: pipeline file \"second.json\": a pipeline named \"Deploy\" is already given by an earlier pipeline_files entry; names must be unique"),
    };

    private readonly string _tmp = Directory.CreateTempSubdirectory("cli-robust-").FullName;

    public static TheoryData<string> Cases => new(Table.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_command_lines_get_one_line_and_exit_2_never_exception_text(string name)
    {
        var (args, expectedCode, firstLine) = Table[name];
        var expanded = args.SelectMany(Expand).ToArray();

        var (code, output, error) = CliRunner.Run(expanded);

        AssertNoExceptionText(output + error);
        Assert.True(code == expectedCode, $"exit {code}; stderr:\n{error}");
        Assert.Equal(Placeholders(firstLine), CliRunner.Problems(error).FirstOrDefault());
    }

    [Fact]
    public void A_usage_error_is_followed_by_the_usage_of_its_command()
    {
        var (_, _, error) = CliRunner.Run("generate", Fixtures.ScenarioRunway(Scenario), "--lookup", "x");

        Assert.Equal(["error: unknown option --lookup for generate; did you mean --lookups?", "usage: foremast generate <runway-dir> [OPTIONS] (foremast generate --help for the options)"],
            error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void The_command_catalog_names_every_registered_command_as_the_app_does()
    {
        // The catalog derives names from class names (ValidateCommand → validate, PipelineAppCommand → pipeline app);
        // each must be a command the app actually runs, or did-you-mean and usage lines would name ghosts.
        foreach (var command in ForemastApp.Catalog.Commands.Keys)
        {
            var (code, output, error) = CliRunner.Run([.. command.Split(' '), "--help"]);
            Assert.True(code == 0 && output.Contains("USAGE", StringComparison.Ordinal), $"foremast {command} --help: exit {code}\n{output}{error}");
        }
    }

    [Theory]
    [InlineData("-v")]
    [InlineData("--version")]
    public void Version_flag_prints_the_version_as_foremast_v_did(string flag)
    {
        var (code, output, error) = CliRunner.Run(flag);

        Assert.True(code == 0, error);
        Assert.Matches(@"^\d+\.\d+\.\d+$", output.Trim());
    }

    [Fact]
    public void A_problem_inside_the_lookups_file_is_one_line_without_the_usage()
    {
        var bad = Path.Combine(_tmp, "lookups.json");
        File.WriteAllText(bad, """{"pipelines": {"name": "x"}}""");

        var (code, _, error) = CliRunner.Run("generate", Fixtures.ScenarioRunway(Scenario), "--config", Fixtures.ScenarioConfig(Scenario), "--project", "forrest", "--repo", "unicorn",
            "--lookups", bad, "--out", Path.Combine(_tmp, "out"));

        Assert.Equal(2, code);
        Assert.Equal([$"error: {bad}: $.pipelines: expected an array of {{application, name, id}}, got an object"], CliRunner.Problems(error));
    }

    [Fact]
    public void Repo_and_project_names_with_quotes_and_backslashes_are_escaped_not_a_broken_defaults_template()
    {
        var outDir = Path.Combine(_tmp, "out");

        var (validateCode, _, validateError) = CliRunner.Run("validate", Fixtures.ScenarioRunway(Scenario), "--config", Fixtures.ScenarioConfig(Scenario), "--project", "for\\rest", "--repo", "uni\"corn");
        var (generateCode, _, generateError) = CliRunner.Run("generate", Fixtures.ScenarioRunway(Scenario), "--config", Fixtures.ScenarioConfig(Scenario), "--project", "for\\rest", "--repo", "uni\"corn",
            "--lookups", Path.Combine(Fixtures.Scenario(Scenario), "lookups.json"), "--out", outDir);

        Assert.True(validateCode == 0, validateError);
        Assert.True(generateCode == 0, generateError);
        var pipeline = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "pipeline.us-east-1.json")))!;
        Assert.Equal("uni\"cornfor\\rest", (string?)pipeline["application"]);
    }

    public void Dispose() => Directory.Delete(_tmp, true);

    private static void AssertNoExceptionText(string text)
    {
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", text, StringComparison.Ordinal);
    }

    private IEnumerable<string> Expand(string arg) => arg == "{names}"
        ? ["--config", Fixtures.ScenarioConfig(Scenario), "--project", "forrest", "--repo", "unicorn"]
        : [Placeholders(arg)];

    private string Placeholders(string text)
    {
        if (text.Contains("{file}", StringComparison.Ordinal)) File.WriteAllText(Path.Combine(_tmp, "a-file.txt"), "x");
        if (text.Contains("{badshape}", StringComparison.Ordinal)) File.WriteAllText(Path.Combine(_tmp, "badshape.json"), """{"availability_zones": {"dev": {"us-east-1": "us-east-1a"}}}""");
        if (text.Contains("{notjson}", StringComparison.Ordinal)) File.WriteAllText(Path.Combine(_tmp, "notjson.json"), "[1");
        if (text.Contains("{manual-dir}", StringComparison.Ordinal)) Manual("manual-dir", """["pipelines"]""", d => Directory.CreateDirectory(Path.Combine(d, "pipelines")));
        if (text.Contains("{manual-null}", StringComparison.Ordinal)) Manual("manual-null", """["deploy.json"]""", d => File.WriteAllText(Path.Combine(d, "deploy.json"), """{"name": null, "stages": []}"""));
        if (text.Contains("{manual-twice}", StringComparison.Ordinal))
        {
            Manual("manual-twice", """["first.json", "second.json"]""", d =>
            {
                File.WriteAllText(Path.Combine(d, "first.json"), """{"name": "Deploy", "stages": []}""");
                File.WriteAllText(Path.Combine(d, "second.json"), """{"name": "Deploy", "stages": []}""");
            });
        }

        return text
            .Replace("{runway}", Fixtures.ScenarioRunway(Scenario), StringComparison.Ordinal)
            .Replace("{config}", Fixtures.ScenarioConfig(Scenario), StringComparison.Ordinal)
            .Replace("{lookups}", Path.Combine(Fixtures.Scenario(Scenario), "lookups.json"), StringComparison.Ordinal)
            .Replace("{file}", Path.Combine(_tmp, "a-file.txt"), StringComparison.Ordinal)
            .Replace("{badshape}", Path.Combine(_tmp, "badshape.json"), StringComparison.Ordinal)
            .Replace("{notjson}", Path.Combine(_tmp, "notjson.json"), StringComparison.Ordinal)
            .Replace("{manual-dir}", Path.Combine(_tmp, "manual-dir"), StringComparison.Ordinal)
            .Replace("{manual-null}", Path.Combine(_tmp, "manual-null"), StringComparison.Ordinal)
            .Replace("{manual-twice}", Path.Combine(_tmp, "manual-twice"), StringComparison.Ordinal)
            .Replace("{commands}", string.Join(", ", ForemastApp.Catalog.TopLevel), StringComparison.Ordinal)
            .Replace("{tmp}", _tmp, StringComparison.Ordinal);
    }

    private void Manual(string name, string files, Action<string> populate)
    {
        var dir = Path.Combine(_tmp, name);
        if (Directory.Exists(dir)) return;
        Directory.CreateDirectory(dir);
        File.Copy(Path.Combine(Fixtures.ScenarioRunway(Scenario), "application-master-dev.json"), Path.Combine(dir, "application-master-dev.json"));
        File.WriteAllText(Path.Combine(dir, "pipeline.json"), $$"""{"type": "manual", "env": ["dev"], "pipeline_files": {{files}}}""");
        populate(dir);
    }
}
