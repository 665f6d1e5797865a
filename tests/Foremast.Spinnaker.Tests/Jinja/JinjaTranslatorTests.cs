using Foremast.Core.Templates;
using Foremast.Spinnaker.Generator.Jinja;
using static Foremast.Spinnaker.Tests.Jinja.JinjaRendering;

namespace Foremast.Spinnaker.Tests.Jinja;

/// <summary>Each supported Jinja construct, translated to Scriban and rendered; the assertions are Jinja's output for the same model.</summary>
public class JinjaTranslatorTests
{
    [Theory]
    [InlineData("{{ data.app.appname }}", "unicornforrest")]
    [InlineData("{{ data.list[1] }}|{{ data['app']['repo_name'] }}|{{ data.list[count - 1] }}", "b|unicorn|c")]
    [InlineData("{{ \"Deploy \" + data.app.repo_name }}", "Deploy unicorn")]
    [InlineData("{{ 'n' ~ 1 ~ flag ~ missing }}", "n1True")]
    [InlineData("{{ 'it''s' }}", "its")]
    [InlineData("{{ count * 2 + 1 }} {{ 7 // 2 }} {{ 7 % 2 }} {{ -count }}", "7 3 1 -3")]
    [InlineData("{{ 7 / 2 }} {{ 4 / 2 }} {{ -7 // 2 }} {{ -7 % 3 }} {{ 7.5 // 2 }} {{ '-' * 3 }} {{ 2 * 1.5 }} {{ 1 + 2.0 }} {{ 10 - 2.5 }}", "3.5 2.0 -4 2 3.0 --- 3.0 3.0 7.5")]
    public void Expression_prints_jinjas_text_when_it_uses_access_literals_and_operators(string jinja, string expected)
    {
        Assert.Equal(expected, Render(jinja));
    }

    [Theory]
    [InlineData("{{ flag }} {{ off }}", "True False")]
    [InlineData("{{ ratio }} {{ count }}", "1.0 3")]
    [InlineData("[{{ missing }}]", "[]")]
    [InlineData("{{ data.list }}", "['a', 'b', 'c']")]
    public void Value_prints_as_pythons_str_when_it_is_not_a_string(string jinja, string expected)
    {
        Assert.Equal(expected, Render(jinja));
    }

    [Theory]
    [InlineData("{% for i in range(3) %}{{ i }}{% if not loop.last %},{% endif %}{% endfor %}", "0,1,2")]
    [InlineData("{% for i in range(1, 7, 2) %}{{ loop.index }}:{{ i }} {% endfor %}", "1:1 2:3 3:5 ")]
    [InlineData("{% for k, v in data.app.items() %}{{ k }}={{ v }};{% endfor %}", "appname=unicornforrest;repo_name=unicorn;triggerjob=forrest_unicorn;")]
    [InlineData("{{ obj.keys() | join(',') }}|{{ obj.values() | length }}|{{ obj.get('k') }}|{{ obj.get('nope', 'd') }}", "k,s|2|1|d")]
    [InlineData("{% for s in stages %}{{ s.name | upper | replace('S', '$') }}{{ loop.revindex0 }}{% endfor %}", "FIR$T1$ECOND0")]
    [InlineData("{{ missing | default('x') | lower }} {{ stages | tojson }}", "x [{\"name\":\"first\"},{\"name\":\"second\",\"wait\":5}]")]
    public void Foremast_style_templates_render_range_items_and_filters_as_jinja_does(string jinja, string expected)
    {
        Assert.Equal(expected, Render(jinja));
    }

    [Fact]
    public void Null_prints_nothing_like_a_missing_value_when_printed_or_concatenated()
    {
        // Deliberate difference: Jinja prints an explicit null as "None"; Scriban cannot tell null from missing.
        Assert.Equal("[][x]", Render("[{{ nothing }}][{{ nothing ~ 'x' }}]"));
    }

    [Theory]
    [InlineData("{% if count > 2 and not empty_list %}yes{% endif %}", "yes")]
    [InlineData("{% if '' or 0 or empty_list or nothing %}truthy{% else %}falsy{% endif %}", "falsy")]
    [InlineData("{% if 'b' in data.list and 'x' not in data.list and 'app' in data and 'corn' in name %}in{% endif %}", "in")]
    [InlineData("{% if count == 3 and name != 'x' and count >= 3 and count <= 3 and count < 4 %}cmp{% endif %}", "cmp")]
    [InlineData("{{ missing or 'fallback' }}|{{ name and name | upper }}|{{ off and 'never' }}", "fallback|UNICORN|False")]
    [InlineData("{{ 'a' < 'b' }} {{ 'B' < 'a' }} {{ 1 == 1.0 }} {{ '1' == 1 }} {{ none == nothing }} {{ [1] == [1] }} {{ 'x' != 'y' }} {{ flag == true }} {{ 2 > 1.5 }}", "True True True False True True True True True")]
    [InlineData("{{ 'yes' if flag else 'no' }}{{ 'yes' if off else 'no' }}{{ 'only' if off }}", "yesno")]
    public void Condition_uses_python_truthiness_and_operands_when_it_tests_values(string jinja, string expected)
    {
        Assert.Equal(expected, Render(jinja));
    }

    [Theory]
    [InlineData("{% if count == 1 %}one{% elif count == 3 %}three{% else %}other{% endif %}", "three")]
    [InlineData("{% if off %}a{% elif nothing %}b{% else %}c{% endif %}", "c")]
    [InlineData("{% if flag %}{% if off %}x{% else %}nested{% endif %}{% endif %}", "nested")]
    public void If_picks_the_first_true_branch_when_it_has_elif_and_else(string jinja, string expected)
    {
        Assert.Equal(expected, Render(jinja));
    }

    [Fact]
    public void Function_call_gives_foremasts_predictable_id_when_given_app_and_pipeline_name()
    {
        Assert.Equal("c1bc3d32-8996-533d-8e4e-587d5f38b7dc", Render("{{ generate_predictable_pipeline_id(data.app.appname, 'Deploy ' + data.app.repo_name) }}"));
    }

    [Theory]
    [InlineData("{{ missing | default(30) }} {{ name | default('x') }} {{ '' | default('x', true) }} {{ '' | d('y') }}|", "30 unicorn x |")]
    [InlineData("{{ name | upper }} {{ 'ABC' | lower }} {{ flag | lower }} {{ '  t ' | trim }}", "UNICORN abc true t")]
    [InlineData("{{ 'a-b-c' | replace('-', '_') }} {{ 'a-b-c' | replace('-', '', 1) }}", "a_b_c ab-c")]
    [InlineData("{{ data.list | length }} {{ name | length }} {{ obj | count }} {{ missing | length }}", "3 7 2 0")]
    [InlineData("{{ data.list | join(', ') }} {{ data.list | join }}", "a, b, c abc")]
    [InlineData("{{ '42' | int }} {{ '4.7' | int }} {{ 'x' | int }} {{ 'x' | int(7) }} {{ ratio | int }} {{ flag | int }}", "42 4 0 7 1 1")]
    [InlineData("{{ flag | string }} {{ count | string ~ 'x' }} {{ nothing | string }}", "True 3x None")]
    [InlineData("{{ data.list | join('-') | upper | replace('A', 'Z') }}", "Z-B-C")]
    public void Filter_gives_jinjas_result_when_applied(string jinja, string expected)
    {
        Assert.Equal(expected, Render(jinja));
    }

    [Fact]
    public void Tojson_writes_compact_json_in_source_key_order_like_sbn_templates_when_filtering_a_value()
    {
        // Jinja writes {"k": 1, "s": "x\"y"} with sorted keys; the parsed JSON is the same.
        Assert.Equal("[\"a\",\"b\",\"c\"] {\"k\":1,\"s\":\"x\\\"y\"}", Render("{{ data.list | tojson }} {{ obj | tojson }}"));
    }

    [Fact]
    public void Printed_string_is_json_escaped_like_sbn_templates_and_safe_writes_it_raw()
    {
        Assert.Equal("\"say \\\"hi\\\"\" {\"k\": 1}", Render("\"{{ quote }}\" {{ json_text | safe }}"));
    }

    [Theory]
    [InlineData("{% for s in stages %}{{ loop.index }}/{{ loop.length }}:{{ s.name }}{% if loop.first %}^{% endif %}{% if not loop.last %},{% endif %}{% endfor %}", "1/2:first^,2/2:second")]
    [InlineData("{% for x in data.list %}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{% endfor %}", "032121210")]
    [InlineData("{% for s in stages %}{{ s.wait | default(30) }}{% if not loop.last %},{% endif %}{% endfor %}", "30,5")]
    [InlineData("{% for a in [1, 2] %}{% for b in data.list %}{{ loop.index }}{% endfor %}{{ loop.index }}|{% endfor %}", "1231|1232|")]
    [InlineData("{% for x in empty_list %}{{ x }}{% else %}none{% endfor %}{% for x in missing %}{{ x }}{% endfor %}", "none")]
    [InlineData("{% for k in obj %}{{ k }}{% endfor %}{% for c in 'ab' %}{{ c }}.{% endfor %}", "ksa.b.")]
    public void For_loop_gives_jinjas_loop_variables_when_iterating(string jinja, string expected)
    {
        Assert.Equal(expected, Render(jinja));
    }

    [Fact]
    public void Set_assigns_a_variable_when_used_later_in_the_template()
    {
        Assert.Equal("Deploy unicorn/Deploy unicorn", Render("{% set pipeline_name = \"Deploy \" + data.app.repo_name %}{{ pipeline_name }}/{{ pipeline_name }}"));
    }

    [Theory]
    [InlineData("{% set x = 1 %}{% for i in [1, 2] %}{% set x = x + i %}{{ x }},{% endfor %}{{ x }}", "2,3,1")]
    [InlineData("{% for i in [1, 2] %}{% set n = i %}{% endfor %}[{{ n }}]", "[]")]
    [InlineData("{% for i in [1, 2] %}{% if i == 2 %}[{{ y }}]{% endif %}{% set y = i %}{% endfor %}", "[]")]
    [InlineData("{% if flag %}{% set z = 5 %}{% endif %}{{ z }}", "5")]
    [InlineData("{% set x = 5 %}{% for x in [1] %}{{ x }}{% endfor %}{{ x }}", "15")]
    [InlineData("{% for a in [1, 2] %}{% set t = a %}{% for b in [3] %}{% set t = t + b %}{{ t }}{% endfor %}{{ t }}|{% endfor %}", "41|52|")]
    [InlineData("{% for s in [1] %}{{ loop.length }}{% for q in [1, 2, 3] %}{% endfor %}{{ loop.length }}{% endfor %}", "11")]
    public void Set_in_a_loop_body_follows_jinjas_scoping_when_the_loop_assigns_variables(string jinja, string expected)
    {
        Assert.Equal(expected, Render(jinja));
    }

    [Theory]
    [InlineData("a{# comment with {{ x }} and\n two lines #}b", "ab")]
    [InlineData("[\n  {%- for x in data.list -%}\n  {{ x }}\n  {%- endfor -%}\n]", "[abc]")]
    [InlineData("a\n{% if flag %}\nb\n{% endif %}\n", "a\n\nb\n")]
    [InlineData("x  {{- name -}}  \n y", "xunicorny")]
    [InlineData("{% raw %}{{ not rendered }} {% if %}{% endraw %}", "{{ not rendered }} {% if %}")]
    [InlineData("{{ {'a': {'b': [1, 2]}}['a']['b'][1] }} {{ '}}' }}", "2 }}")]
    [InlineData("{%- raw -%}  {{ x }}  {%- endraw -%}", "{{ x }}")]
    [InlineData("{\"a\": \"{{ name }}\", \"b\": {\"c\": [1, {}]}, \"end\": \"}%}\"}", "{\"a\": \"unicorn\", \"b\": {\"c\": [1, {}]}, \"end\": \"}%}\"}")]
    public void Text_comments_whitespace_control_and_raw_give_jinjas_output_when_rendered(string jinja, string expected)
    {
        Assert.Equal(expected, Render(jinja));
    }

    [Fact]
    public void Include_renders_a_translated_store_template_with_the_current_variables_when_in_a_loop()
    {
        var directory = Directory.CreateTempSubdirectory("jinja-include-").FullName;
        Directory.CreateDirectory(Path.Combine(directory, "pipeline"));
        File.WriteAllText(Path.Combine(directory, "pipeline", "item.json.j2"), "{% set label = prefix ~ x %}\"{{ label | upper }}\"{% for c in data.list %}{% endfor %}");
        var store = new TemplateStore(directory);

        var rendered = Render("{% set prefix = 'p-' %}[{% for x in data.list %}{% include \"pipeline/item.json.j2\" %}{% if not loop.last %},{% endif %}{% endfor %}]", store: store);

        Assert.Equal("[\"P-A\",\"P-B\",\"P-C\"]", rendered);
    }

    [Fact]
    public void Include_sees_the_loops_variables_and_keeps_its_own_sets_when_rendered_in_a_loop()
    {
        var directory = Directory.CreateTempSubdirectory("jinja-include-").FullName;
        File.WriteAllText(Path.Combine(directory, "inc.j2"), "[{{ x }}{{ a }}{% set a = 9 %}{{ a }}]");
        var store = new TemplateStore(directory);

        Assert.Equal("[1109][2209]1", Render("{% set a = 1 %}{% for x in [1, 2] %}{% set a = x * 10 %}{% include \"inc.j2\" %}{% endfor %}{{ a }}", store: store));
        Assert.Equal("[9]", Render("{% include \"inc.j2\" %}{{ a }}", store: store));
    }

    [Fact]
    public void Translation_is_cached_once_per_file_per_store_when_requested_again()
    {
        var store = new TemplateStore();
        var first = JinjaTemplates.FromText(store, "a.json.j2", "{{ name }}");

        Assert.Same(first, JinjaTemplates.FromText(store, "a.json.j2", "{{ name }}"));
        Assert.NotSame(first, JinjaTemplates.FromText(store, "a.json.j2", "{{ name }}!"));
        Assert.NotSame(first, JinjaTemplates.FromText(new TemplateStore(), "a.json.j2", "{{ name }}"));
    }

    [Fact]
    public void Translation_keeps_the_jinja_line_numbers_when_tags_span_and_trim_lines()
    {
        var scriban = JinjaTranslator.Translate("t.j2", "a\n{#\n\n#}\n  {%- if flag\n %}\n{{ x }}{% endif %}\nz");

        Assert.Equal(8, scriban.Split('\n').Length);
    }
}
