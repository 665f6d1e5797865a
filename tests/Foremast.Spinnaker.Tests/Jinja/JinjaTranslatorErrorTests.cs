using Foremast.Spinnaker.Generator.Jinja;
using static Foremast.Spinnaker.Tests.Jinja.JinjaRendering;

namespace Foremast.Spinnaker.Tests.Jinja;

/// <summary>Constructs outside the subset fail with the file, the line and what is unsupported, never with different output.</summary>
public class JinjaTranslatorErrorTests
{
    [Theory]
    [InlineData("{% macro m() %}{% endmacro %}", "test.json.j2:1: unsupported tag {% macro %}")]
    [InlineData("a\n{% extends \"base.j2\" %}", "test.json.j2:2: unsupported tag {% extends %}")]
    [InlineData("line1\n\n{{ name | wordwrap }}", "test.json.j2:3: unsupported filter \"wordwrap\"")]
    [InlineData("{{ name is defined }}", "test.json.j2:1: unexpected \"is\" (tests such as \"is defined\" are not supported)")]
    [InlineData("{{ name.startswith('u') }}", "test.json.j2:1: method calls other than items(), keys(), values() and get() are not supported")]
    [InlineData("{{ obj.items(1) }}", "test.json.j2:1: .items() takes no arguments")]
    [InlineData("{{ template_variables.items }}", "test.json.j2:1: .items is the dict method in Jinja, not the key \"items\"; write ['items']")]
    [InlineData("{{ cycler(3) }}", "test.json.j2:1: unknown function \"cycler\"")]
    [InlineData("{{ data.list[1:2] }}", "test.json.j2:1: slices are not supported")]
    [InlineData("{{ count ** 2 }}", "test.json.j2:1: unexpected \"**\" (the ** operator is not supported)")]
    [InlineData("{{ 1 < count < 5 }}", "test.json.j2:1: chained comparisons")]
    [InlineData("{{ f(x=1) }}", "test.json.j2:1: keyword arguments (x=...) are not supported")]
    [InlineData("{% for x in data.list %}\n{{ loop.depth }}{% endfor %}", "test.json.j2:2: loop.depth is not supported")]
    [InlineData("{% set string = 1 %}", "test.json.j2:1: the variable name \"string\" is reserved")]
    [InlineData("{% set x %}a{% endset %}", "test.json.j2:1: block assignments")]
    [InlineData("{% include name %}", "test.json.j2:1: {% include %} needs a template name as a string literal")]
    [InlineData("{% include \"a.j2\" ignore missing %}", "test.json.j2:1: {% include \"a.j2\" ignore ... %} is not supported")]
    [InlineData("ok\n{% if flag %}\n{% for x in data.list %}{% endif %}", "test.json.j2:3: {% endif %} found while {% for %} (line 3) is open")]
    [InlineData("{% endfor %}", "test.json.j2:1: {% endfor %} without {% for %}")]
    [InlineData("\n{% if flag %}never closed", "test.json.j2:2: {% if %} is never closed with {% endif %}")]
    [InlineData("a\nb {{ name }", "test.json.j2:2: \"{{\" is never closed with \"}}\"")]
    [InlineData("{% raw %}never", "test.json.j2:1: {% raw %} is never closed with {% endraw %}")]
    [InlineData("{{ }}", "test.json.j2:1: empty expression")]
    [InlineData("{{ name | }}", "test.json.j2:1: expected a name, got end of expression")]
    [InlineData("{{ (name }}", "test.json.j2:1: \"{{\" is never closed with \"}}\"")]
    [InlineData("{{ name ) }}", "test.json.j2:1: unexpected \")\"")]
    public void Unsupported_or_broken_construct_names_file_line_and_construct_when_translated(string jinja, string expected)
    {
        var error = Assert.Throws<JinjaTemplateException>(() => Render(jinja));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Runtime_error_points_at_the_jinja_line_when_the_template_raises()
    {
        var error = Assert.ThrowsAny<Exception>(() => Render("a\n{# two\nlines #}\n  {%- if flag -%}\n {{ raise_exception('boom') }}{% endif %}"));

        Assert.Contains("test.json.j2(5,", error.Message, StringComparison.Ordinal);
    }
}
