using Foremast.Api;
using Foremast.Api.Hooks;
using Foremast.Api.Runs;

namespace Foremast.Workflows.Tests.Http;

/// <summary>Hooks without secrets: refused for every provider, unless the explicit local-experiment switch is on.</summary>
[Collection(HttpCollection.Name)]
public sealed class HookClosedByDefaultTests(UnsecuredHookHost host) : IClassFixture<UnsecuredHookHost>
{
    private const string BitbucketPushSignature = "sha256=ea189b5060ab01a76105518600479b4cd6915e42312f0e52a678589507348bbb";

    [Fact]
    public async Task Unsigned_bitbucket_push_for_a_mapped_repository_is_refused_when_no_secret_is_configured()
    {
        var body = HookApiHost.Fixture("bitbucket-push.json");

        var response = await host.SendAsync(ApiRoutes.GitHook, Requests.Raw("POST", body, "application/json", headers: new() { ["X-Event-Key"] = "repo:push" }));

        Assert.Equal(401, response.Status);
        Assert.DoesNotContain(host.Reads, r => r.Repo == "bitbucket");
    }

    [Theory]
    [InlineData(GitProvider.GitHub)]
    [InlineData(GitProvider.GitLab)]
    [InlineData(GitProvider.Bitbucket)]
    [InlineData(GitProvider.Generic)]
    public async Task Every_provider_is_refused_with_401_whatever_it_signs_with_when_no_secret_is_configured(GitProvider provider)
    {
        const string commit = "0dd0000000000000000000000000000000000001";
        var body = Deliveries.Push(provider, "acme/anything", commit);

        var unsigned = await host.SendAsync(ApiRoutes.GitHook, Deliveries.Request(provider, body, null));
        var guessedKey = await host.SendAsync(ApiRoutes.GitHook, Deliveries.Request(provider, body, ApiHost.HookSecret));
        var emptyKey = await host.SendAsync(ApiRoutes.GitHook, Deliveries.Request(provider, body, ""));

        Assert.Equal([401, 401, 401], new[] { unsigned.Status, guessedKey.Status, emptyKey.Status });
    }

    [Fact]
    public async Task Allow_unsigned_accepts_unsigned_pushes_only_as_the_repositorys_own_provider_and_only_while_it_has_no_secret()
    {
        var body = HookApiHost.Fixture("bitbucket-push.json");
        var asBitbucket = Requests.Raw("POST", body, "application/json", headers: new() { ["X-Event-Key"] = "repo:push" });
        var gitHubBody = Deliveries.Push(GitProvider.GitHub, "team_name/repo_name", "0dd0000000000000000000000000000000000002", "name-of-branch");
        host.Options.Webhooks.AllowUnsigned = true;
        try
        {
            var accepted = await host.SendAsync(ApiRoutes.GitHook, asBitbucket);
            var asGitHub = await host.SendAsync(ApiRoutes.GitHook, Deliveries.Request(GitProvider.GitHub, gitHubBody, null));
            host.Options.Webhooks.BitbucketSecret = ApiHost.HookSecret;
            var unsignedWithASecret = await host.SendAsync(ApiRoutes.GitHook, asBitbucket);
            var signedWithIt = await host.SendAsync(ApiRoutes.GitHook, Requests.Raw("POST", body, "application/json", headers: new() { ["X-Event-Key"] = "repo:push", ["X-Hub-Signature"] = BitbucketPushSignature }));

            Assert.Equal(202, accepted.Status);
            Assert.Equal((200, "ignored"), (asGitHub.Status, asGitHub.Read<HookBody>()!.Outcome));
            Assert.Equal(401, unsignedWithASecret.Status);
            Assert.Equal(200, signedWithIt.Status);
            Assert.Equal("existing", signedWithIt.Read<HookBody>()!.Outcome);
        }
        finally
        {
            host.Options.Webhooks.AllowUnsigned = false;
            host.Options.Webhooks.BitbucketSecret = null;
        }
    }

    [Fact]
    public void Start_up_check_names_a_repository_without_a_provider_and_warns_about_allow_unsigned()
    {
        var options = new WebhookOptions
        {
            AllowUnsigned = true,
            Repos = [new RepoMapping { FullName = "acme/a" }, new RepoMapping { Provider = "gitea", FullName = "acme/b" }, new RepoMapping { Provider = "GitHub", FullName = "acme/c" }],
        };

        Assert.Equal(
            [
                "Foremast:Webhooks:Repos:0:Provider: missing; expected github, gitlab, bitbucket or generic",
                "Foremast:Webhooks:Repos:1:Provider: expected github, gitlab, bitbucket or generic, got \"gitea\"",
            ],
            WebhookSettings.Errors(options));
        Assert.Contains(WebhookSettings.Warnings(options), w => w.StartsWith("Foremast:Webhooks:AllowUnsigned is on", StringComparison.Ordinal));
        Assert.False(new WebhookOptionsValidator().Validate(null, new ForemastApiOptions { Webhooks = options }).Succeeded);
    }
}
