using Foremast.Workflows.Webhooks;
using System.Text.Json;
using System.Text.RegularExpressions;
using Foremast.Workflows.Activities.Interfaces;
using Foremast.Api;
using Foremast.Api.Approvals;
using Foremast.Api.Hooks;
using Foremast.Api.Runs;
using Foremast.Workflows.Notifications;
using Foremast.Workflows.Status;
using Foremast.Workflows.Tests.Http;
using Foremast.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Foremast.Workflows.Tests.Notifications;

[Collection(HttpCollection.Name)]
public sealed partial class NotificationDeliveryTests(NotificationApiHost host) : IClassFixture<NotificationApiHost>
{
    [Fact]
    public async Task Checkpoint_waiting_reaches_slack_teams_google_chat_webhook_and_mail_with_a_link_that_opens_and_decides_the_gate()
    {
        var start = await host.SendAsync(ApiRoutes.StartRun, Requests.Json("POST", Requests.StartExamples(version: "7.0.0", runway: host.Runway)));
        var runId = start.Read<StartedBody>()!.RunId!;
        await host.Workflows.WaitForCheckpointAsync(runId, "us-east-1", "prod");
        bool For(string? text) => text is not null && text.Contains(runId, StringComparison.Ordinal) && text.Contains("us-east-1", StringComparison.Ordinal);
        await WaitUntilAsync(() => host.Http.To("/slack-hook/").Any(p => For(p.Text)) && host.Http.To("/slack-api/").Any(p => For(p.Text))
            && host.Http.To("/teams/").Any(p => For(p.Text)) && host.Http.To("/chat/").Any(p => For(p.Text)) && host.Http.To("/hook").Any(p => For(p.Text))
            && host.Smtp.Messages.Any(m => For(m.TextBody)));

        var slackHook = Json(host.Http.To("/slack-hook/").First(p => For(p.Text)));
        var slackApi = host.Http.To("/slack-api/").First(p => For(p.Text));
        var teams = Json(host.Http.To("/teams/").First(p => For(p.Text)));
        var chat = Json(host.Http.To("/chat/").First(p => For(p.Text)));
        var hook = host.Http.To("/hook").First(p => For(p.Text));
        var mail = host.Smtp.Messages.First(m => For(m.TextBody));

        var link = Link().Match(mail.TextBody ?? "").Value;
        Assert.StartsWith("https://foremast.example.com/api/approvals/", link, StringComparison.Ordinal);
        Assert.Equal(link, slackHook.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "actions").GetProperty("elements")[0].GetProperty("url").GetString());
        Assert.False(slackHook.GetProperty("unfurl_links").GetBoolean());
        Assert.Equal(("Bearer " + NotificationApiHost.SlackToken, "#deploys"), (slackApi.Headers["Authorization"], JsonDocument.Parse(slackApi.Body).RootElement.GetProperty("channel").GetString()));
        Assert.Equal(link, teams.GetProperty("attachments")[0].GetProperty("content").GetProperty("actions")[0].GetProperty("url").GetString());
        Assert.Contains(link, chat.GetProperty("cardsV2").GetRawText(), StringComparison.Ordinal);
        Assert.Equal(WebhookSignature.Sign(hook.Body, NotificationApiHost.WebhookKey), hook.Headers[HookDelivery.GenericSignatureHeader]);
        Assert.Equal(link, JsonDocument.Parse(hook.Body).RootElement.GetProperty("approvalUrl").GetString());
        Assert.Equal(NotificationApiHost.Approver, mail.To.Mailboxes.Single().Address);
        Assert.StartsWith("[Rehearsal] Approval needed: webshopacme to prod (us-east-1)", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("\n" + link + "\n", mail.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"href=\"{link}\"", mail.HtmlBody, StringComparison.Ordinal);
        foreach (var text in new[] { slackHook.GetRawText(), slackApi.Text, teams.GetRawText(), chat.GetRawText(), hook.Text, mail.TextBody, mail.HtmlBody })
        {
            Assert.Contains("Rehearsal", text, StringComparison.Ordinal);
        }

        // The link works: the page opens without deciding anything, and its form's POST decides the gate.
        var token = Requests.Token(link[(link.LastIndexOf('/') + 1)..]);
        var page = await host.SendAsync(ApiRoutes.ApprovalPage, Requests.Get(token));
        var decision = await host.SendAsync(ApiRoutes.ApprovalDecision, Requests.Form("POST", "decision=approve&by=mail-reader", token));
        Assert.Equal((200, 202), (page.Status, decision.Status));
        var region = await host.Workflows.RegionStatusAsync(runId, "us-east-1");
        Assert.Equal((CheckpointVerdict.Approved, "mail-reader"), (region!.Stages.Single(s => s.Decision is not null).Decision!.Verdict, region.Stages.Single(s => s.Decision is not null).Decision!.By));
    }

    [Fact]
    public async Task A_run_announces_its_start_each_decision_with_who_when_and_from_where_and_its_completion_to_the_targets_that_ask()
    {
        var start = await host.SendAsync(ApiRoutes.StartRun, Requests.Json("POST", Requests.StartExamples(version: "7.1.0", runway: host.Runway)));
        var runId = start.Read<StartedBody>()!.RunId!;
        foreach (var regionName in new[] { "us-east-1", "us-west-2" })
        {
            var open = await host.Workflows.WaitForCheckpointAsync(runId, regionName, "prod");
            var url = host.Api.Links.ApprovalUrl(new ApprovalClaims(runId, regionName, "prod", new DateTimeOffset(DateTime.SpecifyKind(open.Checkpoint!.ExpiresAt, DateTimeKind.Utc))));
            // East: a signed-in approver whose request claims a forwarded address; west: a typed name.
            var headers = regionName == "us-east-1" ? new Dictionary<string, string> { ["X-MS-CLIENT-PRINCIPAL-NAME"] = "lead-us-east-1", ["X-Forwarded-For"] = "10.0.0.9" } : null;
            var request = Requests.Form("POST", $"decision=approve&by=lead-{regionName}&comment=looks+good", Requests.Token(url[(url.LastIndexOf('/') + 1)..]), headers)
                with { RemoteAddress = regionName == "us-east-1" ? "198.51.100.20" : "198.51.100.21" };
            var decided = await host.SendAsync(ApiRoutes.ApprovalDecision, request);
            Assert.Equal(202, decided.Status);
        }

        await host.Workflows.CompleteAsync(runId);
        JsonElement[] Hooks() => host.Http.To("/hook").Select(Json).Where(j => j.GetProperty("runId").GetString() == runId).ToArray();
        await WaitUntilAsync(() => Hooks().Any(j => j.GetProperty("event").GetString() == "pipeline.complete") && host.Smtp.Messages.Any(m => (m.Subject ?? "").Contains("Deployment complete", StringComparison.Ordinal) && (m.TextBody ?? "").Contains(runId, StringComparison.Ordinal)));

        var events = Hooks().Select(j => j.GetProperty("event").GetString()).ToList();
        Assert.Equal(1, events.Count(e => e == "pipeline.starting"));
        Assert.Equal(2, events.Count(e => e == "checkpoint.decided"));
        Assert.Equal(1, events.Count(e => e == "pipeline.complete"));
        var east = Hooks().Single(j => j.GetProperty("event").GetString() == "checkpoint.decided" && j.GetProperty("region").GetString() == "us-east-1");
        Assert.Matches(@"^Checkpoint prod approved by lead-us-east-1 \(signed in\) at \S+ from 198\.51\.100\.20 \(X-Forwarded-For claims 10\.0\.0\.9, unverified\): looks good$", east.GetProperty("decision").GetString());
        var facts = east.GetProperty("decided");
        Assert.Equal(("approved", "lead-us-east-1", true, "looks good", "198.51.100.20", "10.0.0.9"),
            (facts.GetProperty("verdict").GetString(), facts.GetProperty("by").GetString(), facts.GetProperty("verified").GetBoolean(), facts.GetProperty("comment").GetString(),
             facts.GetProperty("source").GetString(), facts.GetProperty("forwardedFor").GetString()));
        Assert.Equal(JsonValueKind.Null, east.GetProperty("approvalUrl").ValueKind);
        var decidedMail = host.Smtp.Messages.First(m => (m.Subject ?? "").Contains("Checkpoint decided", StringComparison.Ordinal)
            && (m.TextBody ?? "").Contains(runId, StringComparison.Ordinal) && (m.TextBody ?? "").Contains("us-west-2", StringComparison.Ordinal));
        Assert.Contains("approved by lead-us-west-2 (typed name, unverified) at ", decidedMail.TextBody, StringComparison.Ordinal);
        Assert.Contains(" from 198.51.100.21: looks good", decidedMail.TextBody, StringComparison.Ordinal);

        // The status keeps the same record on the checkpoint stage.
        var status = (await host.SendAsync(ApiRoutes.GetRun, Requests.Get(Requests.Id(runId)))).Read<RunDocument>()!.Status!;
        var westDecision = status.Regions.Single(r => r.Region == "us-west-2").Stages.Single(s => s.Decision is not null).Decision!;
        Assert.Equal((CheckpointVerdict.Approved, "lead-us-west-2", false, "looks good", "198.51.100.21", (string?)null),
            (westDecision.Verdict, westDecision.By, westDecision.Verified, westDecision.Comment, westDecision.Source, westDecision.ForwardedFor));
    }

    [Fact]
    public async Task A_gate_nobody_decides_sends_one_expiring_notice_with_its_link_and_then_expires()
    {
        var configured = host.Options.Tuning.CheckpointTimeout;
        host.Options.Tuning.CheckpointTimeout = TimeSpan.FromSeconds(4);
        string runId;
        try
        {
            var start = await host.SendAsync(ApiRoutes.StartRun, Requests.Json("POST", Requests.StartExamples(version: "7.2.0", runway: host.Runway)));
            runId = start.Read<StartedBody>()!.RunId!;
        }
        finally
        {
            host.Options.Tuning.CheckpointTimeout = configured;
        }

        JsonElement[] Expiring() => host.Http.To("/hook").Select(Json)
            .Where(j => j.GetProperty("runId").GetString() == runId && j.GetProperty("event").GetString() == "checkpoint.expiring" && j.GetProperty("region").GetString() == "us-east-1").ToArray();
        await WaitUntilAsync(() => Expiring().Length > 0);
        await host.Workflows.CompleteAsync(runId);

        var notice = Assert.Single(Expiring());
        Assert.StartsWith("https://foremast.example.com/api/approvals/", notice.GetProperty("approvalUrl").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("[Rehearsal] Approval expiring soon: webshopacme to prod (us-east-1)", notice.GetProperty("title").GetString(), StringComparison.Ordinal);
        var region = await host.Workflows.RegionStatusAsync(runId, "us-east-1");
        Assert.Equal(CheckpointVerdict.Expired, region!.Stages.Single(s => s.Decision is not null).Decision!.Verdict);
    }

    [Fact]
    public async Task A_failing_target_is_named_by_its_host_only_and_the_other_targets_still_get_the_message()
    {
        var notifier = host.Workflows.Host.Services.GetRequiredService<INotifier>();
        var gone = new NotificationTarget("microsoftteams", host.Http.BaseUrl + "gone/workflows?sig=very-secret-signature", ["checkpoint.waiting"]);
        var slack = new NotificationTarget("slack", host.Http.BaseUrl + "slack-hook/failure-test", ["checkpoint.waiting"]);
        var unset = new NotificationTarget("googlechat", "setting:not-configured", ["checkpoint.waiting"]);
        var notification = new RunNotification("checkpoint.waiting", "webshopacme-failtest", "webshopacme", "us-east-1", "prod", "Checkpoint prod", "x:us-east-1", "approval:us-east-1:prod",
            DateTime.UtcNow.AddHours(1), [gone, slack, unset], Rehearsal: false);

        var result = await notifier.NotifyAsync(notification, CancellationToken.None);

        Assert.Equal([gone, unset], result.Failed.Select(f => f.Target));
        Assert.Equal(
            ["microsoftteams to 127.0.0.1: HTTP 404 channel_not_found", "googlechat setting:not-configured: Foremast:Notifications:Targets:not-configured is not set"],
            result.Failed.Select(f => $"{NotificationDestinations.Redact(f.Target)}: {f.Error}"));
        Assert.All(result.Failed, f => Assert.DoesNotContain("very-secret-signature", f.Error, StringComparison.Ordinal));
        var sent = Json(Assert.Single(host.Http.To("/slack-hook/failure-test")));
        Assert.DoesNotContain("Rehearsal", sent.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Targets_are_read_from_pipeline_notifications_and_the_legacy_notifications_block()
    {
        using var pipeline = JsonDocument.Parse("""
            {"pipeline_notifications": [{"type": "Slack", "address": "#a", "when": ["pipeline.failed", "checkpoint.waiting"]}, {"type": "pubsub", "address": "topic"}, {"type": "email"}],
             "notifications": {"email": "ops@example.com", "slack": "#legacy"}}
            """);

        var targets = NotificationTargets.Read(pipeline.RootElement);

        Assert.Equal(
            ["slack #a pipeline.failed,checkpoint.waiting", "pubsub topic pipeline.failed", "slack #legacy pipeline.failed", "email ops@example.com pipeline.failed"],
            targets.Select(t => $"{t.Type} {t.Address} {string.Join(",", t.When)}"));
    }

    private static JsonElement Json(ReceivedPost post) => JsonDocument.Parse(post.Body).RootElement.Clone();

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("not every receiver got the notification");
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"https://foremast\.example\.com/api/approvals/[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+")]
    private static partial Regex Link();
}
