using Foremast.Core.Validation;

namespace Foremast.Core.Tests.Validation;

public class DidYouMeanTests
{
    [Theory]
    [InlineData("dsn", "dns")]
    [InlineData("min_instances", "min_inst")]
    [InlineData("treshold", "threshold")]
    [InlineData("Deploy_Strategy", "deploy_strategy")]
    [InlineData("regoins", "regions")]
    public void Suggests_the_known_key_when_the_unknown_one_is_a_near_miss(string typo, string expected)
    {
        Assert.Equal(expected, DidYouMean.Suggest(typo, ["dns", "asg", "s3", "min_inst", "max_inst", "threshold", "deploy_strategy", "regions"]));
    }

    [Fact]
    public void Suggests_nothing_when_no_key_is_close()
    {
        Assert.Null(DidYouMean.Suggest("foo", ["dns", "asg", "elb"]));
        Assert.Equal("unknown key \"foo\" (ignored)", DidYouMean.UnknownKeyMessage("foo", ["dns"]));
    }
}
