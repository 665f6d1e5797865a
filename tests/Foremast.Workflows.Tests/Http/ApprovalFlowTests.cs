using Foremast.Api;
using Foremast.Api.Approvals;
using Foremast.Api.Runs;
using Foremast.Workflows.Sources;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Status;
using Foremast.Workflows.Tests.Support;

namespace Foremast.Workflows.Tests.Http;

[Collection(HttpCollection.Name)]
public sealed class ApprovalFlowTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Approving_through_a_token_lets_the_region_continue_and_rejecting_records_the_comment()
    {
        var runId = await StartAsync("5.0.0");
        var east = await host.Workflows.WaitForCheckpointAsync(runId, "us-east-1", "prod");
        var west = await host.Workflows.WaitForCheckpointAsync(runId, "us-west-2", "prod");

        var approve = await host.SendAsync(ApiRoutes.ApprovalDecision,
            Requests.Json("POST", new { decision = "approve", comment = "ship it" }, Requests.Token(TokenFor(runId, east)), new() { ["X-MS-CLIENT-PRINCIPAL-NAME"] = "alice@example.com" }));
        var reject = await host.SendAsync(ApiRoutes.ApprovalDecision,
            Requests.Form("POST", "decision=reject&by=bob&comment=error+rate+too+high", Requests.Token(TokenFor(runId, west))));

        Assert.Equal(202, approve.Status);
        Assert.Equal(new DecisionBody("approved", runId, "us-east-1", "prod", east.Checkpoint!.Stage, "alice@example.com", "ship it", Verified: true), approve.Read<DecisionBody>());
        Assert.Equal(202, reject.Status);
        Assert.StartsWith("text/html", reject.ContentType, StringComparison.Ordinal);
        Assert.Contains("rejected by bob", reject.BodyText, StringComparison.Ordinal);

        var (result, _) = await host.Workflows.CompleteAsync(runId);
        var eastResult = result.Regions.Single(r => r.Region == "us-east-1");
        var westResult = result.Regions.Single(r => r.Region == "us-west-2");
        Assert.Equal(RegionOutcome.Succeeded, eastResult.Outcome);
        Assert.Equal(("alice@example.com", "ship it"), (eastResult.Checkpoints.Single().By, eastResult.Checkpoints.Single().Comment));
        Assert.Equal(RegionOutcome.Stopped, westResult.Outcome);
        Assert.Equal((CheckpointOutcome.Rejected, "bob", "error rate too high"), (westResult.StoppedBy!.Outcome, westResult.StoppedBy.By, westResult.StoppedBy.Comment));
    }

    [Fact]
    public async Task Approval_page_shows_the_gate_with_buttons_and_changes_nothing()
    {
        var runId = await StartAsync("5.1.0");
        var before = await host.Workflows.WaitForCheckpointAsync(runId, "us-east-1", "prod");
        var token = TokenFor(runId, before);

        var page = await host.SendAsync(ApiRoutes.ApprovalPage, Requests.Get(Requests.Token(token)));
        await host.SendAsync(ApiRoutes.ApprovalPage, Requests.Get(Requests.Token(token)));

        Assert.Equal(200, page.Status);
        Assert.Equal("no-store", page.Headers["Cache-Control"]);
        Assert.Contains("webshopacme", page.BodyText, StringComparison.Ordinal);
        Assert.Contains("us-east-1", page.BodyText, StringComparison.Ordinal);
        Assert.Contains("value=\"approve\"", page.BodyText, StringComparison.Ordinal);
        Assert.Contains("value=\"reject\"", page.BodyText, StringComparison.Ordinal);
        Assert.Contains("<dt>Artifact version</dt><dd>5.1.0</dd>", page.BodyText, StringComparison.Ordinal);
        Assert.Contains("<dt>Environment</dt><dd>from stage to prod</dd>", page.BodyText, StringComparison.Ordinal);
        Assert.Matches(@"\(\d+ min left\)", page.BodyText);
        Assert.DoesNotContain(ApiHost.SigningKey, page.BodyText, StringComparison.Ordinal);
        await Task.Delay(300);
        var after = await host.Workflows.RegionStatusAsync(runId, "us-east-1");
        Assert.Equal(RegionState.WaitingForApproval, after!.State);
        Assert.Equal(before.Checkpoint, after.Checkpoint);
    }

    [Fact]
    public async Task Second_decision_for_the_same_gate_is_refused_with_409()
    {
        var runId = await StartAsync("5.2.0");
        var open = await host.Workflows.WaitForCheckpointAsync(runId, "us-east-1", "prod");
        var token = TokenFor(runId, open);
        var first = await host.SendAsync(ApiRoutes.ApprovalDecision, Requests.Json("POST", new { decision = "approve" }, Requests.Token(token)));
        await WaitUntilAsync(async () => (await host.Workflows.RegionStatusAsync(runId, "us-east-1"))?.Checkpoint is null);

        var second = await host.SendAsync(ApiRoutes.ApprovalDecision, Requests.Json("POST", new { decision = "reject" }, Requests.Token(token)));
        var page = await host.SendAsync(ApiRoutes.ApprovalPage, Requests.Get(Requests.Token(token)));

        Assert.Equal(202, first.Status);
        Assert.Equal("anonymous", first.Read<DecisionBody>()!.By);
        Assert.Equal(409, second.Status);
        Assert.DoesNotContain("value=\"approve\"", page.BodyText, StringComparison.Ordinal);
        // The same link now says who decided what and when.
        Assert.Matches(@"Decided: approved by anonymous \(unverified\) at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\.", page.BodyText);
        Assert.Contains("<li>approved by anonymous (unverified) at ", page.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tampered_expired_or_foreign_tokens_are_refused_and_the_gate_stays_open()
    {
        var runId = await StartAsync("5.3.0");
        var open = await host.Workflows.WaitForCheckpointAsync(runId, "us-east-1", "prod");
        var token = TokenFor(runId, open);
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        var otherGate = new ApprovalToken(ApiHost.SigningKey).Create(new ApprovalClaims(runId, "us-east-1", "prod", Utc(open.Checkpoint!.ExpiresAt).AddMinutes(1)));
        var foreign = new ApprovalToken("some-other-engine-signing-key-0123456789").Create(Claims(runId, open));

        var tamperedResponse = await host.SendAsync(ApiRoutes.ApprovalDecision, Requests.Json("POST", new { decision = "approve" }, Requests.Token(tampered)));
        var foreignResponse = await host.SendAsync(ApiRoutes.ApprovalDecision, Requests.Json("POST", new { decision = "approve" }, Requests.Token(foreign)));
        var otherGateResponse = await host.SendAsync(ApiRoutes.ApprovalDecision, Requests.Json("POST", new { decision = "approve" }, Requests.Token(otherGate)));
        var badDecision = await host.SendAsync(ApiRoutes.ApprovalDecision, Requests.Json("POST", new { decision = "maybe" }, Requests.Token(token)));
        host.Time.Offset = TimeSpan.FromHours(1);
        var expiredResponse = await host.SendAsync(ApiRoutes.ApprovalDecision, Requests.Json("POST", new { decision = "approve" }, Requests.Token(token)));
        var expiredPage = await host.SendAsync(ApiRoutes.ApprovalPage, Requests.Get(Requests.Token(token)));
        host.Time.Offset = TimeSpan.Zero;

        Assert.Equal(403, tamperedResponse.Status);
        Assert.Equal(403, foreignResponse.Status);
        Assert.Equal(409, otherGateResponse.Status);
        Assert.Equal(400, badDecision.Status);
        Assert.Equal(410, expiredResponse.Status);
        Assert.Equal(410, expiredPage.Status);
        await Task.Delay(300);
        Assert.Equal(open.Checkpoint, (await host.Workflows.RegionStatusAsync(runId, "us-east-1"))!.Checkpoint);
    }

    [Fact]
    public async Task With_require_identity_a_typed_name_is_refused_with_403_and_a_signed_in_approver_is_recorded_as_verified()
    {
        var runId = await StartAsync("5.5.0");
        var open = await host.Workflows.WaitForCheckpointAsync(runId, "us-east-1", "prod");
        var token = Requests.Token(TokenFor(runId, open));
        host.Options.Approvals.RequireIdentity = true;
        ApiResponse typed, page, signedIn;
        try
        {
            typed = await host.SendAsync(ApiRoutes.ApprovalDecision, Requests.Form("POST", "decision=approve&by=mallory", token));
            page = await host.SendAsync(ApiRoutes.ApprovalPage, Requests.Get(token));
            signedIn = await host.SendAsync(ApiRoutes.ApprovalDecision, Requests.Json("POST", new { decision = "approve", by = "typed-too" }, token, new() { ["X-MS-CLIENT-PRINCIPAL-NAME"] = "alice@example.com" }));
        }
        finally
        {
            host.Options.Approvals.RequireIdentity = false;
        }

        Assert.Equal(403, typed.Status);
        Assert.Contains("signed-in approver", typed.BodyText, StringComparison.Ordinal);
        Assert.Contains("value=\"approve\"", page.BodyText, StringComparison.Ordinal);
        Assert.Equal((202, "alice@example.com", true), (signedIn.Status, signedIn.Read<DecisionBody>()!.By, signedIn.Read<DecisionBody>()!.Verified));
        var recorded = (await host.Workflows.RegionStatusAsync(runId, "us-east-1"))!.Stages.Single(s => s.Decision is not null).Decision!;
        Assert.Equal(("alice@example.com", true), (recorded.By, recorded.Verified));
    }

    [Fact]
    public async Task Without_require_identity_a_typed_name_is_accepted_and_recorded_as_unverified()
    {
        var runId = await StartAsync("5.6.0");
        var open = await host.Workflows.WaitForCheckpointAsync(runId, "us-east-1", "prod");

        var typed = await host.SendAsync(ApiRoutes.ApprovalDecision, Requests.Form("POST", "decision=reject&by=bob&comment=not+now", Requests.Token(TokenFor(runId, open))));

        Assert.Equal(202, typed.Status);
        var recorded = (await host.Workflows.RegionStatusAsync(runId, "us-east-1"))!.Stages.Single(s => s.Decision is not null).Decision!;
        Assert.Equal((CheckpointVerdict.Rejected, "bob", false, "not now"), (recorded.Verdict, recorded.By, recorded.Verified, recorded.Comment));
    }

    [Fact]
    public async Task Masters_only_refuses_deciders_not_on_the_approvers_list_and_the_commits_author_and_changes_nothing()
    {
        var runway = Directory.CreateTempSubdirectory("foremast-approvers-runway-").FullName;
        foreach (var file in Directory.GetFiles(ApiHost.ExamplesRunway)) File.Copy(file, Path.Combine(runway, Path.GetFileName(file)));
        Edit(Path.Combine(runway, "pipeline.json"), json => json["promote_restrict"] = "masters-only");
        Edit(Path.Combine(runway, "application-master-prod.json"), json => json["app"]!["approvers"] = new System.Text.Json.Nodes.JsonArray("alice@example.com", "carol@example.com"));
        var start = await host.SendAsync(ApiRoutes.StartRun, Requests.Json("POST", new
        {
            project = "acme", repo = "webshop", source = new { path = runway }, dryRun = true, author = "carol@example.com",
            artifact = new { version = "5.7.0", url = "https://artifacts.example.com/webshop-5.7.0.rpm" },
        }));
        var runId = start.Read<StartedBody>()!.RunId!;
        var open = await host.Workflows.WaitForCheckpointAsync(runId, "us-east-1", "prod");
        var token = Requests.Token(TokenFor(runId, open));
        Task<ApiResponse> Decide(string who, string decision) =>
            host.SendAsync(ApiRoutes.ApprovalDecision, Requests.Json("POST", new { decision }, token, new() { ["X-MS-CLIENT-PRINCIPAL-NAME"] = who }));

        var notListed = await Decide("bob@example.com", "approve");
        var selfApproval = await Decide("carol@example.com", "approve");
        var stillOpen = (await host.Workflows.RegionStatusAsync(runId, "us-east-1"))!.Checkpoint;
        var listed = await Decide("alice@example.com", "approve");

        Assert.Equal(403, notListed.Status);
        Assert.Equal("Not recorded: bob@example.com is not on this env's app.approvers (promote_restrict: masters-only).", notListed.Read<ErrorBody>()!.Error);
        Assert.Equal(403, selfApproval.Status);
        Assert.Equal("Not recorded: carol@example.com made the deployed commit and may not approve it (promote_restrict: masters-only).", selfApproval.Read<ErrorBody>()!.Error);
        Assert.Equal(open.Checkpoint, stillOpen);
        Assert.Equal((202, "alice@example.com"), (listed.Status, listed.Read<DecisionBody>()!.By));
    }

    private static void Edit(string path, Action<System.Text.Json.Nodes.JsonNode> change)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        change(json);
        File.WriteAllText(path, json.ToJsonString());
    }

    [Fact]
    public async Task Signed_token_whose_run_id_is_a_region_instance_or_no_instance_is_answered_404()
    {
        var runId = await StartAsync("5.4.0");
        var open = await host.Workflows.WaitForCheckpointAsync(runId, "us-east-1", "prod");
        var expires = Utc(open.Checkpoint!.ExpiresAt);
        var regionAsRun = host.Api.Links.ApprovalUrl(new ApprovalClaims(RegionPipelineOrchestrator.InstanceId(runId, "us-east-1"), "us-east-1", "prod", expires));
        var noRun = host.Api.Links.ApprovalUrl(new ApprovalClaims("webshopacme-00000000000000000000", "us-east-1", "prod", expires));

        foreach (var url in new[] { regionAsRun, noRun })
        {
            var token = Requests.Token(url[(url.LastIndexOf('/') + 1)..]);
            var decision = await host.SendAsync(ApiRoutes.ApprovalDecision, Requests.Json("POST", new { decision = "approve" }, token));
            var page = await host.SendAsync(ApiRoutes.ApprovalPage, Requests.Get(token));

            Assert.Equal((404, 404), (decision.Status, page.Status));
        }

        Assert.Equal(open.Checkpoint, (await host.Workflows.RegionStatusAsync(runId, "us-east-1"))!.Checkpoint);
    }

    [Fact]
    public async Task Approval_routes_answer_503_when_no_signing_key_is_configured()
    {
        var token = new ApprovalToken(ApiHost.SigningKey).Create(new ApprovalClaims("webshopacme-x", "us-east-1", "prod", DateTimeOffset.UtcNow.AddHours(1)));
        var unkeyed = new ForemastApi(new ForemastApiOptions(), new ConfigSourceReader(new GitRunwayReader(new GitClient(), Path.GetTempPath())));

        var page = await unkeyed.HandleAsync(ApiRoutes.ApprovalPage, Requests.Get(Requests.Token(token)), host.Client);
        var decision = await unkeyed.HandleAsync(ApiRoutes.ApprovalDecision, Requests.Json("POST", new { decision = "approve" }, Requests.Token(token)), host.Client);

        Assert.Equal((503, 503), (page.Status, decision.Status));
    }

    private async Task<string> StartAsync(string version)
    {
        var response = await host.SendAsync(ApiRoutes.StartRun, Requests.Json("POST", Requests.StartExamples(version: version)));
        Assert.Equal(202, response.Status);
        return response.Read<StartedBody>()!.RunId!;
    }

    private string TokenFor(string runId, RegionStatus region)
    {
        var url = host.Api.Links.ApprovalUrl(Claims(runId, region));
        return url[(url.LastIndexOf('/') + 1)..];
    }

    private static ApprovalClaims Claims(string runId, RegionStatus region) =>
        new(runId, region.Region, region.Checkpoint!.Env, Utc(region.Checkpoint.ExpiresAt));

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition never held");
            await Task.Delay(50);
        }
    }
}
