using Foremast.Spinnaker.Generator;

namespace Foremast.Spinnaker.Tests;

public class PipelineIdsTests
{
    [Theory]
    [InlineData("unicornforrest", "Deploy unicorn", "c1bc3d32-8996-533d-8e4e-587d5f38b7dc")]
    [InlineData("testspinnakerapplication", "testspinnakerpipeline", "47a01af9-abad-5516-b719-0d4da8a294af")]
    public void Predictable_id_is_foremasts_uuid5_when_given_app_and_pipeline_name(string app, string name, string expected)
    {
        Assert.Equal(expected, PipelineIds.Predictable(app, name));
    }
}
