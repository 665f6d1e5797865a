using System.Text.Json;
using Foremast.Core.Config.Settings;

namespace Foremast.Core.Tests.Config;

public sealed class StageSettingsTests
{
    [Fact]
    public void Reads_a_webhook_entry_with_snake_case_names_and_upper_cases_its_method()
    {
        var element = JsonElement.Parse("""{"url": "https://hooks.example.com/deployed", "name": "Notify CMDB", "method": "put", "payload": {"app": "webshop"}, "custom_headers": {"X-Token": "t"}, "unknown_key": 1}""");

        var hook = StageSettings.Read<WebhookSettings>(element, "$.completion_webhooks[0]");

        Assert.Equal(("https://hooks.example.com/deployed", "Notify CMDB", "PUT"), (hook.Url, hook.Name, hook.EffectiveMethod));
        Assert.Equal("webshop", hook.Payload!.Value.GetProperty("app").GetString());
        Assert.Equal("t", hook.CustomHeaders!["X-Token"]);
    }

    [Fact]
    public void A_webhook_without_method_is_a_post()
    {
        Assert.Equal("POST", StageSettings.Read<WebhookSettings>(JsonElement.Parse("""{"url": "https://h.example.com"}""")).EffectiveMethod);
    }

    [Fact]
    public void A_value_of_the_wrong_shape_names_its_json_path()
    {
        var element = JsonElement.Parse("""{"completion_webhooks": [{"url": "https://h.example.com", "custom_headers": {"X-Token": 5}}]}""");

        var error = Assert.Throws<StageSettingsException>(() => StageSettings.Read<WebhookSettings>(element.GetProperty("completion_webhooks")[0], "$.completion_webhooks[0]"));

        Assert.StartsWith("$.completion_webhooks[0].custom_headers", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_missing_section_reads_as_the_given_default()
    {
        var settings = JsonElement.Parse("""{"app": {}}""");

        Assert.Same(Array.Empty<WebhookSettings>(), StageSettings.Section(settings, "completion_webhooks", Array.Empty<WebhookSettings>()));
        Assert.Single(StageSettings.Section(JsonElement.Parse("""{"completion_webhooks": [{"url": "https://h.example.com"}]}"""), "completion_webhooks", Array.Empty<WebhookSettings>()));
    }
}
