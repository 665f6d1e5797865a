using System.Text;
using Foremast.Api;
using Foremast.Api.Hooks;

namespace Foremast.Workflows.Tests.Http;

/// <summary>The deployed commit's author, read from each provider's real push payload (promote_restrict masters-only and the approval page use it).</summary>
public sealed class PushAuthorTests
{
    [Theory]
    [InlineData(GitProvider.GitHub, "github-push-existing-branch.json", "binkkatal.r@gmail.com")]
    [InlineData(GitProvider.GitLab, "gitlab-push.json", "gitlabdev@dv6700.(none)")]
    [InlineData(GitProvider.Bitbucket, "bitbucket-push.json", "emmap1")]
    public void Author_is_the_head_commit_s_author_from_the_payload(GitProvider provider, string fixture, string author)
    {
        var push = PushPayloads.Parse(provider, Request(HookApiHost.Fixture(fixture)));

        Assert.Equal(author, Assert.Single(push).Author);
    }

    [Fact]
    public void Bitbucket_author_raw_gives_the_email_and_a_linked_account_its_nickname()
    {
        const string Payload = """
            {"repository": {"full_name": "team/repo"}, "push": {"changes": [
              {"new": {"type": "branch", "name": "main", "target": {"hash": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "author": {"type": "author", "raw": "Emma Smith <emma@example.com>", "user": {"nickname": "emmap1"}}}}},
              {"new": {"type": "branch", "name": "dev", "target": {"hash": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "author": {"type": "author", "raw": "Build Bot", "user": {"nickname": "buildbot", "display_name": "Build Bot"}}}}},
              {"new": null, "old": {"type": "branch", "name": "gone", "target": {"hash": "cccccccccccccccccccccccccccccccccccccccc"}}}
            ]}}
            """;

        var pushes = PushPayloads.Parse(GitProvider.Bitbucket, Request(Encoding.UTF8.GetBytes(Payload)));

        Assert.Equal(["emma@example.com", "buildbot", null], pushes.Select(p => p.Author));
    }

    private static ApiRequest Request(byte[] body) => ApiRequest.Create("POST", body: body, contentType: "application/json");
}
