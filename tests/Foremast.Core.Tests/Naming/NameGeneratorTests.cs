using System.Text.Json;
using Foremast.Core.Naming;
using Foremast.Tests.Shared;

namespace Foremast.Core.Tests.Naming;

public class NameGeneratorTests
{
    [Fact]
    public void RenderAll_matches_every_name_foremast_utils_gives_by_default()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.Foremast, "00-defaults", "naming-formats.foremast-utils.json")));
        var expected = doc.RootElement.GetProperty("rendered").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());

        var names = new NameGenerator("forrest", "unicorn").RenderAll("dev", "us-east-1");

        Assert.Equal(expected.OrderBy(p => p.Key), names.OrderBy(p => p.Key).Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)));
    }

    [Fact]
    public void Default_formats_match_the_foremast_utils_table()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.Foremast, "00-defaults", "naming-formats.foremast-utils.json")));
        foreach (var format in doc.RootElement.GetProperty("default_formats").EnumerateObject())
        {
            Assert.Equal(format.Value.GetString(), NameFormats.Defaults[format.Name]);
        }
    }

    [Fact]
    public void Overrides_replace_one_format_and_domain_flows_into_dns_names()
    {
        var names = new NameGenerator("Forrest", "Unicorn", new Dictionary<string, string>
        {
            ["jenkins_job_name"] = "a_{project}_{repo}",
            ["domain"] = "corp.internal",
        });

        Assert.Equal("a_forrest_unicorn", names.Name("jenkins_job_name"));
        Assert.Equal("unicorn.forrest.prod.corp.internal", names.Name("dns_elb", "prod"));
        Assert.Equal("unicornforrest", names.App);
    }

    [Fact]
    public void Name_rejects_a_format_with_an_unknown_field()
    {
        var names = new NameGenerator("p", "r", new Dictionary<string, string> { ["app"] = "{repo}{team}" });

        var error = Assert.Throws<FormatException>(() => names.App);
        Assert.Contains("{team}", error.Message);
    }
}
