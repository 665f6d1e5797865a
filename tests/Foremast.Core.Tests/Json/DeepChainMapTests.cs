using System.Text.Json.Nodes;
using Foremast.Core.Json;

namespace Foremast.Core.Tests.Json;

public class DeepChainMapTests
{
    [Fact]
    public void Merge_keeps_default_keys_of_a_nested_dict_the_user_only_partly_sets()
    {
        var user = JsonNode.Parse("""{"elb": {"health": {"interval": 5}}}""")!.AsObject();
        var defaults = JsonNode.Parse("""{"elb": {"health": {"interval": 20, "timeout": 10}, "target": "TCP:8080"}}""")!.AsObject();

        var merged = DeepChainMap.Merge(user, defaults);

        Assert.Equal("""{"elb":{"health":{"interval":5,"timeout":10},"target":"TCP:8080"}}""", merged.ToJsonString());
    }

    [Fact]
    public void Merge_replaces_lists_instead_of_concatenating_them()
    {
        var user = JsonNode.Parse("""{"lambda_triggers": [{"type": "sns"}]}""")!.AsObject();
        var defaults = JsonNode.Parse("""{"lambda_triggers": [{"type": "default"}, {"type": "other"}]}""")!.AsObject();

        Assert.Equal("""{"lambda_triggers":[{"type":"sns"}]}""", DeepChainMap.Merge(user, defaults).ToJsonString());
    }

    [Fact]
    public void Merge_takes_the_first_mapping_that_has_a_scalar_key()
    {
        var merged = DeepChainMap.Merge(
            JsonNode.Parse("""{"a": 1}""")!.AsObject(),
            JsonNode.Parse("""{"a": 2, "b": 2}""")!.AsObject(),
            JsonNode.Parse("""{"a": 3, "b": 3, "c": 3}""")!.AsObject());

        Assert.Equal(1, (int)merged["a"]!);
        Assert.Equal(2, (int)merged["b"]!);
        Assert.Equal(3, (int)merged["c"]!);
    }

    [Fact]
    public void Merge_lets_a_user_scalar_hide_a_default_dict()
    {
        var merged = DeepChainMap.Merge(JsonNode.Parse("""{"s3": null}""")!.AsObject(), JsonNode.Parse("""{"s3": {"path": "/"}}""")!.AsObject());

        Assert.Null(merged["s3"]);
        Assert.True(merged.ContainsKey("s3"));
    }

    [Fact]
    public void Merge_orders_keys_like_python_chainmap_defaults_first_then_user_only_keys()
    {
        var merged = DeepChainMap.Merge(JsonNode.Parse("""{"z": 1, "b": 1}""")!.AsObject(), JsonNode.Parse("""{"a": 0, "b": 0}""")!.AsObject());

        Assert.Equal(["a", "b", "z"], merged.Select(p => p.Key));
    }

    [Fact]
    public void Merge_does_not_share_nodes_with_its_inputs()
    {
        var user = JsonNode.Parse("""{"list": [1, 2]}""")!.AsObject();
        var merged = DeepChainMap.Merge(user, new JsonObject());

        merged["list"]!.AsArray().Add(3);

        Assert.Equal(2, user["list"]!.AsArray().Count);
    }
}
