using System.Text.Json.Nodes;
using Foremast.Tests.Shared;

namespace Foremast.Cli.Tests;

/// <summary>validate says which files of templates_path are never used, so a misspelt override is not silently ignored.</summary>
public sealed class TemplatesPathTests : IDisposable
{
    private const string Scenario = "01-ec2-3env-2region";

    private readonly string _dir = Directory.CreateTempSubdirectory("templates-path-").FullName;

    [Fact]
    public void Misspelt_override_is_a_warning_and_foremast_only_template_a_note_while_overrides_and_their_includes_are_quiet()
    {
        var templates = Path.Combine(_dir, "templates");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Fixtures.Root, "tests", "fixtures", "jinja-templates", "pipeline")))
        {
            Write(Path.Combine("templates", "pipeline", Path.GetFileName(file)), File.ReadAllText(file));
        }

        Write(Path.Combine("templates", "pipeline", "pipeline_stage.json.j2"), "[]");
        Write(Path.Combine("templates", "infrastructure", "elb_data.json.j2"), "{}");
        Write(Path.Combine("templates", "README.md"), "not a template");
        var config = JsonNode.Parse(File.ReadAllText(Fixtures.ScenarioConfig(Scenario)))!;
        config["base"]!["templates_path"] = "templates";
        var configFile = Write("foremast.json", config.ToJsonString());

        var (code, _, error) = CliRunner.Run("validate", Fixtures.ScenarioRunway(Scenario), "--config", configFile);

        Assert.True(code == 0, error);
        Assert.Equal(
            [
                $"{Path.Combine(templates, "pipeline", "pipeline_stage.json.j2")}: $: warning: matches no template and no include, so it is never used; did you mean \"pipeline/pipeline_stages.json.j2\"?",
                $"{Path.Combine(templates, "infrastructure", "elb_data.json.j2")}: $: note: a Foremast template this engine does not use (it creates that infrastructure itself); the file is ignored",
            ],
            CliRunner.Problems(error).Where(l => !l.EndsWith(" valid (3 envs)", StringComparison.Ordinal)));
    }

    public void Dispose() => Directory.Delete(_dir, true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
