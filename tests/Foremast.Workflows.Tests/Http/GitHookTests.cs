using Foremast.Workflows.Webhooks;
using System.Text;
using System.Text.Json;
using Foremast.Api;
using Foremast.Api.Hooks;
using Foremast.Api.Runs;
using Foremast.Workflows.Orchestrations;

namespace Foremast.Workflows.Tests.Http;

[Collection(HttpCollection.Name)]
public sealed class GitHookTests(HookApiHost host) : IClassFixture<HookApiHost>
{
    // Signature vectors published with the fixtures: HMAC-SHA256 of each file's exact bytes with "It's a Secret to Everybody".
    private const string GitHubPushSignature = "sha256=4eb0bb3763b6757a92b0b6f8d852195f9b900da2cb0fcbb0030388f59cb29f05";
    private const string GitHubTagDeletedSignature = "sha256=27ff3b2dbb02e7c8d6ab08b0d8d6faa2b2be5dba436346ac7616884f476acdc8";
    private const string BitbucketPushSignature = "sha256=ea189b5060ab01a76105518600479b4cd6915e42312f0e52a678589507348bbb";

    [Fact]
    public async Task GitHub_push_with_a_correct_signature_starts_a_run_and_redelivery_finds_the_same_run()
    {
        var first = await SendGitHubAsync("github-push-existing-branch.json", GitHubPushSignature);
        var redelivery = await SendGitHubAsync("github-push-existing-branch.json", GitHubPushSignature);

        Assert.Equal(202, first.Status);
        var run = Assert.Single(first.Read<HookBody>()!.Runs);
        Assert.Equal(("started", "webshopacme"), (run.Outcome, run.App));
        Assert.Equal(run.StatusUrl, first.Headers["Location"]);
        Assert.Equal(200, redelivery.Status);
        Assert.Equal(("existing", run.RunId), (redelivery.Read<HookBody>()!.Runs[0].Outcome, redelivery.Read<HookBody>()!.Runs[0].RunId));

        var read = host.Reads.First(r => r.Source.Commit == "fd489864e7642b48eaad6e3f155c10e46810ec72");
        Assert.Equal(("webshop", "https://github.com/binkkatal/sample_app.git"), (read.Repo, read.Source.Url));
        var input = (await host.Client.GetInstanceAsync(run.RunId!, getInputsAndOutputs: true))!.ReadInputAs<DeploymentRunInput>()!;
        Assert.Equal(new ArtifactRef("fd489864e764", "https://artifacts.example.com/webshop-fd489864e764.rpm"), input.Artifact);
        Assert.True(input.Options!.DryRun);
        // The head commit's author, for promote_restrict masters-only.
        Assert.Equal("binkkatal.r@gmail.com", (await host.Client.GetInstanceAsync(run.RunId!, getInputsAndOutputs: true))!.ReadInputAs<DeploymentRunInput>()!.CommitAuthor);
    }

    [Fact]
    public async Task GitHub_push_with_a_wrong_or_missing_signature_is_refused_with_401()
    {
        var body = HookApiHost.Fixture("github-push-existing-branch.json");
        var changed = body.ToArray();
        changed[^3] ^= 0x01;

        var wrongKey = await SendGitHubAsync("github-push-existing-branch.json", WebhookSignature.Sign(body, "not the secret"));
        var missing = await SendGitHubAsync("github-push-existing-branch.json", null);
        var alteredBody = await host.SendAsync(ApiRoutes.GitHook, Requests.Raw("POST", changed, "application/json", headers: GitHubHeaders("push", GitHubPushSignature)));

        Assert.Equal([401, 401, 401], new[] { wrongKey.Status, missing.Status, alteredBody.Status });
    }

    [Fact]
    public async Task GitHub_tag_deletion_ping_and_other_events_are_ignored_with_200_and_a_reason()
    {
        var tagDeleted = await SendGitHubAsync("github-push-tag-deleted.json", GitHubTagDeletedSignature);
        var ping = await host.SendAsync(ApiRoutes.GitHook, Requests.Raw("POST", "{}"u8.ToArray(), "application/json", headers: GitHubHeaders("ping", WebhookSignature.Sign("{}"u8.ToArray(), ApiHost.HookSecret))));
        var issues = await host.SendAsync(ApiRoutes.GitHook, Requests.Raw("POST", "{}"u8.ToArray(), "application/json", headers: GitHubHeaders("issues", WebhookSignature.Sign("{}"u8.ToArray(), ApiHost.HookSecret))));

        Assert.Equal(200, tagDeleted.Status);
        Assert.Equal(("ignored", "refs/tags/simple-tag: tag pushes do not deploy"), (tagDeleted.Read<HookBody>()!.Outcome, tagDeleted.Read<HookBody>()!.Reason));
        Assert.Equal("ignored", ping.Read<HookBody>()!.Outcome);
        Assert.Equal((200, "event \"issues\" is not a push"), (issues.Status, issues.Read<HookBody>()!.Reason));
        Assert.DoesNotContain(host.Reads, r => r.Repo == "hello");
    }

    [Fact]
    public async Task GitLab_push_with_the_token_starts_a_run_and_a_wrong_or_missing_token_is_refused()
    {
        var body = HookApiHost.Fixture("gitlab-push.json");

        var accepted = await host.SendAsync(ApiRoutes.GitHook, Requests.Raw("POST", body, "application/json", headers: GitLabHeaders(HookApiHost.GitLabToken)));
        var wrong = await host.SendAsync(ApiRoutes.GitHook, Requests.Raw("POST", body, "application/json", headers: GitLabHeaders("guess")));
        var missing = await host.SendAsync(ApiRoutes.GitHook, Requests.Raw("POST", body, "application/json", headers: GitLabHeaders(null)));

        Assert.Equal(202, accepted.Status);
        Assert.Equal("diasporaacme", accepted.Read<HookBody>()!.Runs.Single().App);
        var read = host.Reads.First(r => r.Repo == "diaspora");
        Assert.Equal(("git@example.com:mike/diaspora.git", "da1560886d4f094c3e6c9ef40349f7d38b5d27d7"), (read.Source.Url, read.Source.Commit));
        Assert.Equal((401, 401), (wrong.Status, missing.Status));
    }

    [Fact]
    public async Task Bitbucket_push_with_a_correct_signature_starts_a_run_for_the_repos_own_branch_and_its_approval_page_names_the_commit_author()
    {
        var body = HookApiHost.Fixture("bitbucket-push.json");

        var accepted = await host.SendAsync(ApiRoutes.GitHook, Requests.Raw("POST", body, "application/json", headers: BitbucketHeaders(BitbucketPushSignature)));
        var unsigned = await host.SendAsync(ApiRoutes.GitHook, Requests.Raw("POST", body, "application/json", headers: BitbucketHeaders(null)));
        var wrong = await host.SendAsync(ApiRoutes.GitHook, Requests.Raw("POST", body, "application/json", headers: BitbucketHeaders(GitHubPushSignature)));

        Assert.Equal(202, accepted.Status);
        Assert.Equal("bitbucketacme", accepted.Read<HookBody>()!.Runs.Single().App);
        var read = host.Reads.First(r => r.Repo == "bitbucket");
        Assert.Equal(("https://bitbucket.org/team_name/repo_name.git", "709d658dc5b6d6afcd46049c2f332ee3f515a67d"), (read.Source.Url, read.Source.Commit));
        Assert.Equal((401, 401), (unsigned.Status, wrong.Status));

        // The pushed commit's author comes from the payload, and the approval page shows it with what is promoted from where.
        var runId = accepted.Read<HookBody>()!.Runs.Single().RunId!;
        Assert.Equal("emmap1", (await host.Client.GetInstanceAsync(runId, getInputsAndOutputs: true))!.ReadInputAs<DeploymentRunInput>()!.CommitAuthor);
        var open = await Support.Runs.WaitForCheckpointAsync(host.Workflows, runId, "us-east-1", "prod");
        var url = host.Api.Links.ApprovalUrl(new Foremast.Api.Approvals.ApprovalClaims(runId, "us-east-1", "prod", new DateTimeOffset(DateTime.SpecifyKind(open.Checkpoint!.ExpiresAt, DateTimeKind.Utc))));
        var page = await host.SendAsync(ApiRoutes.ApprovalPage, Requests.Get(Requests.Token(url[(url.LastIndexOf('/') + 1)..])));
        Assert.Contains("<dt>Commit</dt><dd>709d658dc5b6 by emmap1</dd>", page.BodyText, StringComparison.Ordinal);
        Assert.Contains("<dt>Environment</dt><dd>from stage to prod</dd>", page.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GitHub_form_encoded_delivery_is_verified_over_the_raw_form_and_read_from_its_payload_field()
    {
        var json = Encoding.UTF8.GetString(HookApiHost.Fixture("github-push-existing-branch.json")).Replace("fd489864e7642b48eaad6e3f155c10e46810ec72", "ab489864e7642b48eaad6e3f155c10e46810ec72");
        var form = Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(json));

        var response = await host.SendAsync(ApiRoutes.GitHook, Requests.Raw("POST", form, "application/x-www-form-urlencoded", headers: GitHubHeaders("push", WebhookSignature.Sign(form, ApiHost.HookSecret))));

        Assert.Equal(202, response.Status);
        Assert.Contains(host.Reads, r => r.Source.Commit == "ab489864e7642b48eaad6e3f155c10e46810ec72");
    }

    [Fact]
    public async Task Generic_hook_needs_its_hmac_and_ignores_other_branches_and_unknown_repositories()
    {
        var push = Generic("https://git.example.com/acme/generic.git", "refs/heads/main", "0123456789abcdef0123456789abcdef01234567");
        var feature = Generic("https://git.example.com/acme/generic.git", "refs/heads/feature/x", "1123456789abcdef0123456789abcdef01234567");
        var unknown = Generic("https://git.example.com/acme/other.git", "refs/heads/main", "2123456789abcdef0123456789abcdef01234567");

        var accepted = await host.SendAsync(ApiRoutes.GitHook, Signed(push));
        var unsigned = await host.SendAsync(ApiRoutes.GitHook, Requests.Raw("POST", push, "application/json", headers: new() { ["X-Foremast-Signature"] = "sha256=00" }));
        var otherBranch = await host.SendAsync(ApiRoutes.GitHook, Signed(feature));
        var otherRepo = await host.SendAsync(ApiRoutes.GitHook, Signed(unknown));

        Assert.Equal(202, accepted.Status);
        Assert.Equal(401, unsigned.Status);
        Assert.Equal((200, "branch feature/x does not deploy (deploying: main, master)"), (otherBranch.Status, otherBranch.Read<HookBody>()!.Reason));
        Assert.Equal((200, "repository https://git.example.com/acme/other.git is not configured"), (otherRepo.Status, otherRepo.Read<HookBody>()!.Reason));
    }

    [Fact]
    public async Task Delivery_from_no_known_provider_is_refused_with_400()
    {
        var response = await host.SendAsync(ApiRoutes.GitHook, Requests.Raw("POST", "{}"u8.ToArray(), "application/json"));

        Assert.Equal(400, response.Status);
    }

    [Fact]
    public void Signature_check_matches_GitHubs_published_vector_and_the_fixture_vectors()
    {
        Assert.True(WebhookSignature.VerifySha256("Hello, World!"u8.ToArray(), ApiHost.HookSecret, "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"));
        Assert.Equal(GitHubPushSignature, WebhookSignature.Sign(HookApiHost.Fixture("github-push-existing-branch.json"), ApiHost.HookSecret));
        Assert.Equal(BitbucketPushSignature, WebhookSignature.Sign(HookApiHost.Fixture("bitbucket-push.json"), ApiHost.HookSecret));
        Assert.False(WebhookSignature.VerifySha256("Hello, World!"u8.ToArray(), ApiHost.HookSecret, "sha256=zz"));
    }

    private Task<ApiResponse> SendGitHubAsync(string fixture, string? signature) =>
        host.SendAsync(ApiRoutes.GitHook, Requests.Raw("POST", HookApiHost.Fixture(fixture), "application/json", headers: GitHubHeaders("push", signature)));

    private static Dictionary<string, string> GitHubHeaders(string kind, string? signature)
    {
        var headers = new Dictionary<string, string> { ["X-GitHub-Event"] = kind, ["X-GitHub-Delivery"] = "72d3162e-cc78-11e3-81ab-4c9367dc0958", ["User-Agent"] = "GitHub-Hookshot/044aadd" };
        if (signature is not null) headers["X-Hub-Signature-256"] = signature;
        return headers;
    }

    private static Dictionary<string, string> GitLabHeaders(string? token)
    {
        var headers = new Dictionary<string, string> { ["X-Gitlab-Event"] = "Push Hook", ["Idempotency-Key"] = "3a427872-00df-429c-9bc9-a9475de2efe4" };
        if (token is not null) headers["X-Gitlab-Token"] = token;
        return headers;
    }

    private static Dictionary<string, string> BitbucketHeaders(string? signature)
    {
        var headers = new Dictionary<string, string> { ["X-Event-Key"] = "repo:push", ["X-Request-UUID"] = "0f1d1d49-3c36-4b1c-8f8c-2f5f0d3f5b7a" };
        if (signature is not null) headers["X-Hub-Signature"] = signature;
        return headers;
    }

    private static byte[] Generic(string repository, string gitRef, string commit) =>
        JsonSerializer.SerializeToUtf8Bytes(new { repository, @ref = gitRef, commit });

    private static ApiRequest Signed(byte[] body) =>
        Requests.Raw("POST", body, "application/json", headers: new() { ["X-Foremast-Signature"] = WebhookSignature.Sign(body, ApiHost.HookSecret) });
}
