using Foremast.Core.Validation;

namespace Foremast.Core.Tests.Validation;

public class JsonPathsTests
{
    [Theory]
    [InlineData("us-west-2", "$.regions.us-west-2")]
    [InlineData("$self", "$.regions.$self")]
    [InlineData("10.0.0.0/8", "$.regions['10.0.0.0/8']")]
    [InlineData("it's", "$.regions['it\\'s']")]
    [InlineData("", "$.regions['']")]
    public void Child_keys_are_dotted_when_plain_and_bracketed_otherwise(string key, string expected)
    {
        Assert.Equal(expected, JsonPaths.Child("$.regions", key));
    }

    [Fact]
    public void Index_appends_brackets()
    {
        Assert.Equal("$.elb.ports[1]", JsonPaths.Index("$.elb.ports", 1));
    }
}
