using Foremast.Workflows.Notifications;

namespace Foremast.Workflows.Tests.Notifications;

/// <summary>Closed by default: a target whose sender lacks its setting is a named failure, and nothing leaves unsigned or unauthenticated.</summary>
public sealed class MissingNotificationSettingsTests : IDisposable
{
    private readonly LoopbackHttpReceiver _http = new();

    public void Dispose() => _http.Dispose();

    [Theory]
    [InlineData("webhook", "hook/unsigned", "Foremast:Notifications:WebhookSigningKey is not set")]
    [InlineData("slack", "#deploys", "a Slack channel needs Foremast:Notifications:Slack:Token (or use an incoming-webhook URL)")]
    [InlineData("email", "ops@example.com", "email needs Foremast:Notifications:Smtp:Host and :From")]
    [InlineData("microsoftteams", "setting:teams-prod", "Foremast:Notifications:Targets:teams-prod is not set")]
    [InlineData("googlechat", "#not-a-url", "a googlechat address must be an http or https URL (or setting:NAME)")]
    public async Task A_target_whose_setting_is_missing_fails_with_the_setting_named_and_sends_nothing(string type, string address, string error)
    {
        using var client = new HttpClient();
        var sender = new NotificationSender(client, new NotificationOptions { Slack = { ApiBaseUrl = _http.BaseUrl + "slack-api/" } });
        var target = new NotificationTarget(type, address.StartsWith("hook/", StringComparison.Ordinal) ? _http.BaseUrl + address : address, ["pipeline.failed"]);
        var message = new RenderedNotification(new NotificationMessage("pipeline.failed", "webshop-missing", "webshop", null, null, null, null, null, false), "Deployment failed: webshop", "text\n", "<p>html</p>");

        var failure = await Assert.ThrowsAsync<NotificationFailedException>(() => sender.SendAsync(target, message, CancellationToken.None));

        Assert.Equal(error, failure.Message);
        Assert.Empty(_http.Posts);
    }
}
