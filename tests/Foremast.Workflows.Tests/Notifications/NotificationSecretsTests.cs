using System.Text.Json;
using Foremast.Api;
using Foremast.Api.Runs;
using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.DryRun;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Tests.Http;
using Foremast.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Foremast.Workflows.Tests.Notifications;

/// <summary>
/// Webhook URLs and the senders' settings (Slack bot token, SMTP password, webhook signing key, approval signing key)
/// are used for real here, and then looked for on every surface a person or a log reader sees.
/// </summary>
[Collection(HttpCollection.Name)]
public sealed class NotificationSecretsTests(SecretsApiHost host) : IClassFixture<SecretsApiHost>
{
    private const string SlackPath = "slack-path-secret";
    private const string TeamsSig = "teams-url-secret";
    private const string ChatToken = "chat-url-secret";

    [Fact]
    public async Task Webhook_urls_and_sender_secrets_never_show_in_the_status_the_run_list_the_action_log_or_any_log_line_but_the_pipelines_keep_the_urls()
    {
        var runway = NotificationApiHost.RunwayWith(
            NotificationApiHost.Target("slack", host.Http.BaseUrl + $"slack-hook/T0/B0/{SlackPath}", "pipeline.starting", "checkpoint.decided"),
            NotificationApiHost.Target("slack", "#deploys", "pipeline.complete"),
            NotificationApiHost.Target("microsoftteams", host.Http.BaseUrl + $"fail500/workflows?sig={TeamsSig}", "pipeline.starting"),
            NotificationApiHost.Target("googlechat", host.Http.BaseUrl + $"chat/v1/spaces/S/messages?token={ChatToken}"),
            NotificationApiHost.Target("webhook", host.Http.BaseUrl + "hook/secrets", "pipeline.complete"),
            NotificationApiHost.Target("email", NotificationApiHost.Approver, "pipeline.complete"));
        var start = await host.SendAsync(ApiRoutes.StartRun, Requests.Json("POST", Requests.StartExamples(version: "9.0.0", runway: runway)));
        var runId = start.Read<StartedBody>()!.RunId!;

        var (result, _) = await host.Workflows.ApproveEveryGateAsync(runId, ["us-east-1", "us-west-2"]);
        var store = host.Workflows.Host.Services.GetRequiredService<IPipelineStore>();
        var status = await new GetRunHandler(null, store).HandleAsync(Requests.Get(Requests.Id(runId)), host.Client, CancellationToken.None);
        var list = await host.SendAsync(ApiRoutes.ListRuns, Requests.Get());
        var actions = string.Join("\n", host.Workflows.Recorder.ForRun(runId).Select(a => $"{a.Action} {a.Summary}"));
        string logs;
        lock (host.LogLines) logs = string.Join("\n", host.LogLines);

        // Every secret was really used: the mail server signed the engine in, Slack's API got the token, the webhook a signature.
        Assert.Equal(RunOutcome.Succeeded, result.Outcome);
        Assert.Contains(SecretsApiHost.SmtpUserName, host.Smtp.SignedIn);
        Assert.Contains(host.Http.To("/slack-api/"), p => p.Headers["Authorization"] == "Bearer " + NotificationApiHost.SlackToken);
        Assert.Contains(host.Http.To("/hook/secrets"), p => p.Headers.ContainsKey("X-Foremast-Signature"));
        Assert.Contains(host.Http.To("/slack-hook/T0/B0/" + SlackPath), p => p.Text.Contains(runId, StringComparison.Ordinal));
        // The failing target is on the status and in the log, by host only.
        Assert.Contains("microsoftteams to 127.0.0.1", status.BodyText, StringComparison.Ordinal);
        Assert.Contains(logs.Split('\n'), l => l.Contains("pipeline.starting notification to microsoftteams to 127.0.0.1 failed", StringComparison.Ordinal));
        Assert.Contains(logs.Split('\n'), l => l.StartsWith("Debug ", StringComparison.Ordinal));

        string[] secrets = [SlackPath, TeamsSig, ChatToken, "hook/secrets", NotificationApiHost.SlackToken, NotificationApiHost.WebhookKey, SecretsApiHost.SmtpSecret, ApiHost.SigningKey];
        foreach (var (surface, text) in new[] { ("run status", status.BodyText), ("run list", list.BodyText), ("action log", actions), ("log", logs) })
        {
            foreach (var secret in secrets) Assert.False(text.Contains(secret, StringComparison.Ordinal), $"the {surface} shows {secret}");
        }

        // The pipelines in the status show each webhook address by host; the generated pipelines themselves keep it, as Foremast's did.
        using var document = JsonDocument.Parse(status.BodyText);
        var shown = document.RootElement.GetProperty("pipelines").EnumerateArray()
            .SelectMany(p => p.GetProperty("document").GetProperty("notifications").EnumerateArray()).Select(n => n.GetProperty("address").GetString()).ToHashSet();
        Assert.Equal(["http://127.0.0.1/…", "#deploys", NotificationApiHost.Approver], shown);
        var stored = JsonSerializer.Serialize(await store.LoadAsync(runId));
        Assert.Contains(SlackPath, stored, StringComparison.Ordinal);
        Assert.Contains(TeamsSig, stored, StringComparison.Ordinal);
    }
}
