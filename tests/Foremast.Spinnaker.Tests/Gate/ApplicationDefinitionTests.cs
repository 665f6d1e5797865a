using System.Text.Json;
using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Spinnaker.Application;
using Foremast.Tests.Shared;

namespace Foremast.Spinnaker.Tests.Gate;

public class ApplicationDefinitionTests
{
    public static TheoryData<string, string> RecordedCreateApplicationBodies()
    {
        var data = new TheoryData<string, string>();
        foreach (var scenario in Fixtures.ScenarioNames)
        {
            var tasks = Path.Combine(Fixtures.Scenario(scenario), "output", "spinnaker-tasks");
            if (!Directory.Exists(tasks)) continue;
            foreach (var file in Directory.EnumerateFiles(tasks, "*createApplication.json").Order()) data.Add(scenario, Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RecordedCreateApplicationBodies))]
    public void Rendered_create_application_body_equals_the_foremast_recording(string scenario, string file)
    {
        var environment = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures.Scenario(scenario), "input", "environment.json")))!;
        var snapshot = RunwayLoader.Load(new LoadRequest(
            Fixtures.ScenarioRunway(scenario), Fixtures.ScenarioConfig(scenario), environment["PROJECT"]!.GetValue<string>(), environment["GIT_REPO"]!.GetValue<string>()))
            .SnapshotOrThrow();

        var rendered = ApplicationDefinition.Render(snapshot, environment["EMAIL"]!.GetValue<string>());

        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures.Scenario(scenario), "output", "spinnaker-tasks", file)))!;
        Assert.True(JsonNode.DeepEquals(expected, rendered), $"expected\n{expected}\nrendered\n{rendered}");

        // Same key order too, so a diff against the recording reads cleanly.
        Assert.Equal(expected.ToJsonString(), rendered.ToJsonString());
    }

    [Fact]
    public void Repo_project_key_and_slug_keep_the_case_they_were_given_in_while_names_are_lower_case()
    {
        var snapshot = RunwayLoader.Load(new LoadRequest(Fixtures.ScenarioRunway("01-ec2-3env-2region"), Fixtures.ScenarioConfig("01-ec2-3env-2region"), "Forrest", "UniCorn")).SnapshotOrThrow();

        var application = ApplicationDefinition.Render(snapshot, "a@b.c")["job"]![0]!["application"]!;

        Assert.Equal("Forrest", (string?)application["repoProjectKey"]);
        Assert.Equal("UniCorn", (string?)application["repoSlug"]);
        Assert.Equal("unicornforrest", (string?)application["name"]);
    }

    [Fact]
    public void A_jinja_app_data_override_in_templates_path_renders_the_create_application_task()
    {
        var builder = new ScenarioBuilder("01-ec2-3env-2region").WithTemplate(
            "infrastructure/app_data.json.j2",
            """{"job": [{"type": "createApplication", "application": {"name": "{{ app }}", "email": "{{ email | upper }}", "repoSlug": "{{ repo }}"}}]}""");

        var application = ApplicationDefinition.Render(builder.Load(), "team@example.com")["job"]![0]!["application"]!;

        Assert.Equal("unicornforrest", (string?)application["name"]);
        Assert.Equal("TEAM@EXAMPLE.COM", (string?)application["email"]);
        Assert.Equal("unicorn", (string?)application["repoSlug"]);
    }

    [Fact]
    public void App_instance_link_replaces_the_default_of_the_same_title_in_place()
    {
        var snapshot = Snapshot(
            """{"env": ["dev"], "instance_links": {"health": "/custom", "docs": "https://d\"q"}}""",
            new ForemastSettings { Envs = ["dev"], DefaultLinks = new Dictionary<string, string> { ["health"] = ":8080/health", ["logs"] = "/logs" } });

        var links = ApplicationDefinition.Render(snapshot, "a@b.c")["job"]![0]!["application"]!["instanceLinks"]![0]!["links"]!.AsArray();

        Assert.Equal(
            """[{"title":"health","path":"/custom"},{"title":"logs","path":"/logs"},{"title":"docs","path":"https://d\"q"}]""",
            links.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    private static ConfigSnapshot Snapshot(string pipelineJson, ForemastSettings settings) =>
        RunwayLoader.FromTexts(
            new Dictionary<string, string>
            {
                ["pipeline.json"] = pipelineJson,
                ["application-master-dev.json"] = """{"regions": ["us-east-1"]}""",
            },
            settings, "forrest", "unicorn").SnapshotOrThrow();
}
