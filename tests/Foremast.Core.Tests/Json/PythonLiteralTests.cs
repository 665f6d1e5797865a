using Foremast.Core.Json;

namespace Foremast.Core.Tests.Json;

public class PythonLiteralTests
{
    [Theory]
    [InlineData("office", "[\"office\"]")]
    [InlineData("dev,stage,prod", "[\"dev\",\"stage\",\"prod\"]")]
    [InlineData("{'health': ':8080/health'}", "{\"health\":\":8080/health\"}")]
    [InlineData("{'dev': ['a', 'b'], 'prod': []}", "{\"dev\":[\"a\",\"b\"],\"prod\":[]}")]
    [InlineData("['x', \"y\"]", "[\"x\",\"y\"]")]
    [InlineData("True", "true")]
    [InlineData("120", "120")]
    public void ToNative_follows_literal_eval_then_comma_split(string input, string expectedJson)
    {
        Assert.Equal(expectedJson, PythonLiteral.ToNative(input)!.ToJsonString());
    }

    [Fact]
    public void ToList_drops_empty_entries_like_remove_empty_entries()
    {
        Assert.Empty(PythonLiteral.ToList(PythonLiteral.ToNative("")));
        Assert.Equal(["a", "b"], PythonLiteral.ToList(PythonLiteral.ToNative("a,,b")));
    }
}
