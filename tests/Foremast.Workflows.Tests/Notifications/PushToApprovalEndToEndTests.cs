using Foremast.Workflows.Webhooks;
using System.Text.Json;
using System.Text.RegularExpressions;
using Foremast.Api;
using Foremast.Api.Hooks;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Tests.Http;
using Foremast.Workflows.Tests.Support;

namespace Foremast.Workflows.Tests.Notifications;

/// <summary>
/// The whole path, real on both ends: a commit pushed to a local bare repository, the signed hook for it, the run it
/// starts, the <c>checkpoint.waiting</c> mail received by the SMTP server, the link in the mail followed (GET shows the
/// page, POST approves), the run completing, and the <c>checkpoint.decided</c> and <c>pipeline.complete</c> mails.
/// </summary>
[Collection(HttpCollection.Name)]
public sealed partial class PushToApprovalEndToEndTests(NotificationApiHost host) : IClassFixture<NotificationApiHost>, IDisposable
{
    private const string HookSecret = "end-to-end-generic-hook-secret";

    private readonly LocalGitRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    [Fact]
    public async Task Push_hook_run_mail_link_approval_and_completion_mails()
    {
        host.Options.Webhooks.Repos.Add(new RepoMapping { Provider = "generic", RepoUrl = _repository.Bare, Secret = HookSecret, Project = "acme", Repo = "webshop", DryRun = true });
        var commit = _repository.CommitRunway(host.Runway, "runway with notification targets");
        var push = JsonSerializer.SerializeToUtf8Bytes(new { repository = _repository.Bare, @ref = "refs/heads/main", commit, author = "dev@example.com" });

        var hook = await host.SendAsync(ApiRoutes.GitHook, Requests.Raw("POST", push, "application/json", headers: new() { ["X-Foremast-Signature"] = WebhookSignature.Sign(push, HookSecret) }));

        Assert.Equal(202, hook.Status);
        var runId = hook.Read<HookBody>()!.Runs.Single().RunId!;
        MimeKit.MimeMessage[] Mails(string subject) => host.Smtp.Messages.Where(m => (m.Subject ?? "").Contains(subject, StringComparison.Ordinal) && (m.TextBody ?? "").Contains(runId, StringComparison.Ordinal)).ToArray();
        await WaitUntilAsync(() => Mails("Approval needed").Length == 2, "both regions' checkpoint.waiting mails");

        foreach (var mail in Mails("Approval needed"))
        {
            var link = Link().Match(mail.TextBody!).Value;
            var token = Requests.Token(link[(link.LastIndexOf('/') + 1)..]);
            var page = await host.SendAsync(ApiRoutes.ApprovalPage, Requests.Get(token));
            Assert.Equal(200, page.Status);
            Assert.Contains("value=\"approve\"", page.BodyText, StringComparison.Ordinal);
            var approve = await host.SendAsync(ApiRoutes.ApprovalDecision, Requests.Form("POST", "decision=approve&by=reviewer%40example.com", token));
            Assert.Equal(202, approve.Status);
        }

        var (result, _) = await host.Workflows.CompleteAsync(runId);
        Assert.Equal(RunOutcome.Succeeded, result.Outcome);
        await WaitUntilAsync(() => Mails("Checkpoint decided").Length == 2 && Mails("Deployment complete").Length == 1, "checkpoint.decided and pipeline.complete mails");
        Assert.All(Mails("Checkpoint decided"), m => Assert.Contains("approved by reviewer@example.com", m.TextBody, StringComparison.Ordinal));
        Assert.Equal("dev@example.com", (await host.Client.GetInstanceAsync(runId, getInputsAndOutputs: true))!.ReadInputAs<DeploymentRunInput>()!.CommitAuthor);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{what}: not within 60 s");
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"https://foremast\.example\.com/api/approvals/[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+")]
    private static partial Regex Link();
}
