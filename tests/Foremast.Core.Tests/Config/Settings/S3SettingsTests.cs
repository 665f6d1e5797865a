using System.Text.Json;
using Foremast.Core.Config.Settings;
using Foremast.Core.Validation;

namespace Foremast.Core.Tests.Config.Settings;

public sealed class S3SettingsTests
{
    private static S3Settings Parse(string json) => S3Settings.From(JsonElement.Parse(json), "application-master-dev.json");

    [Fact]
    public void Defaults_are_foremasts_private_unversioned_bucket_without_policy()
    {
        var settings = Parse("{}");

        Assert.False(settings.ArchaiusEnabled);
        Assert.Equal("private", settings.BucketAcl);
        Assert.Null(settings.BucketPolicy);
        Assert.False(settings.VersioningEnabled);
        Assert.Null(settings.EncryptionRules);
        Assert.Equal(("index.html", "404.html"), (settings.WebsiteIndex, settings.WebsiteError));
    }

    [Fact]
    public void Empty_policy_means_delete_and_enabled_encryption_defaults_to_aes256()
    {
        var settings = Parse("""{"s3": {"bucket_policy": {}, "encryption": {"enabled": true}}, "app": {"archaius_enabled": true, "custom_tags": {"cost": "42"}}}""");

        Assert.Null(settings.BucketPolicy);
        Assert.Equal("AES256", settings.EncryptionRules!.Value[0].GetProperty("ApplyServerSideEncryptionByDefault").GetProperty("SSEAlgorithm").GetString());
        Assert.True(settings.ArchaiusEnabled);
        Assert.Equal("42", settings.CustomTags["cost"]);
    }

    [Fact]
    public void Flag_of_the_wrong_shape_names_the_path()
    {
        var error = Assert.Throws<ConfigValidationException>(() => Parse("""{"s3": {"versioning": {"enabled": "yes"}}}"""));

        Assert.Equal("application-master-dev.json: $.s3.versioning.enabled: expected true or false", error.Message);
    }
}
