using System.Text.Json;
using Foremast.Core.Config.Settings;
using Foremast.Core.Validation;

namespace Foremast.Core.Tests.Config.Settings;

public sealed class IamSettingsTests
{
    [Fact]
    public void True_string_and_list_services_give_no_one_and_many_items()
    {
        var settings = IamSettings.From(JsonElement.Parse("""{"services": {"sqs": true, "kms": "key-1", "dynamodb": ["a", "b"]}}"""));

        Assert.Equal([("sqs", ""), ("kms", "key-1"), ("dynamodb", "a,b")], settings.Services.Select(s => (s.Name, string.Join(",", s.Items))));
        Assert.True(settings.WantsPolicy);
    }

    [Fact]
    public void Lambda_pipelines_always_get_the_lambda_service()
    {
        var settings = IamSettings.From(JsonElement.Parse("""{"type": "lambda"}"""));

        Assert.Equal(["lambda"], settings.Services.Select(s => s.Name));
    }

    [Fact]
    public void No_services_means_no_policy()
    {
        Assert.False(IamSettings.From(JsonElement.Parse("""{"type": "ec2"}""")).WantsPolicy);
    }

    [Fact]
    public void Service_of_the_wrong_shape_names_the_path()
    {
        var error = Assert.Throws<ConfigValidationException>(() => IamSettings.From(JsonElement.Parse("""{"services": {"s3": 3}}""")));

        Assert.Equal("pipeline.json: $.services.s3: expected true, false, a name or a list of names", error.Message);
    }
}
