using Foremast.Api;
using Foremast.Api.Hooks;
using Foremast.Workflows.Sources;

namespace Foremast.Workflows.Tests.Http;

public sealed class GitUrlsTests
{
    [Theory]
    [InlineData("https://github.com/Acme/Webshop.git")]
    [InlineData("https://github.com/acme/webshop")]
    [InlineData("git@github.com:acme/webshop.git")]
    [InlineData("ssh://git@github.com/acme/webshop.git")]
    [InlineData("https://bot:token@github.com/acme/webshop.git/")]
    public void Clone_web_and_ssh_urls_of_one_repository_normalize_alike(string url) =>
        Assert.Equal("github.com/acme/webshop", GitUrls.Normalize(url));

    [Fact]
    public void Redact_removes_credentials_and_keeps_the_rest()
    {
        Assert.Equal("https://github.com/acme/webshop.git", GitUrls.Redact("https://bot:s3cret@github.com/acme/webshop.git"));
        Assert.Equal("git@github.com:acme/webshop.git", GitUrls.Redact("git@github.com:acme/webshop.git"));
    }

    [Theory]
    [InlineData("--upload-pack=touch /tmp/x", false)]
    [InlineData("https://github.com/acme/web shop.git", false)]
    [InlineData("https://github.com/acme/webshop.git", true)]
    public void Urls_that_git_could_read_as_options_or_that_hold_whitespace_are_refused(string url, bool acceptable) =>
        Assert.Equal(acceptable, GitUrls.IsAcceptable(url));

    [Theory]
    [InlineData("fd48986", true)]
    [InlineData("fd489864e7642b48eaad6e3f155c10e46810ec72", true)]
    [InlineData("main", false)]
    [InlineData("HEAD~1", false)]
    [InlineData("--all", false)]
    public void Only_hex_object_names_are_commits(string commit, bool valid) => Assert.Equal(valid, GitUrls.IsCommit(commit));

    [Fact]
    public void Repo_map_matches_by_full_name_or_any_payload_url()
    {
        RepoMapping byName = new() { Provider = "gitlab", FullName = "Acme/Webshop", Repo = "a" };
        RepoMapping byUrl = new() { Provider = "gitlab", RepoUrl = "git@gitlab.example.com:acme/api.git", Repo = "b" };
        RepoMapping sameNameOnGitHub = new() { Provider = "github", FullName = "acme/api", Repo = "c" };
        var push = new PushEvent(GitProvider.GitLab, "refs/heads/main", "abc1234", false, "acme/api", ["https://gitlab.example.com/acme/api.git"], null);

        Assert.Same(byUrl, RepoMatcher.Find([sameNameOnGitHub, byName, byUrl], push));
        Assert.Null(RepoMatcher.Find([sameNameOnGitHub], push));
        Assert.Same(byName, RepoMatcher.Find([byName, byUrl], push with { FullName = "acme/webshop", RepoUrls = [] }));
        Assert.Null(RepoMatcher.Find([byName, byUrl], push with { FullName = "acme/other", RepoUrls = ["https://gitlab.example.com/acme/other.git"] }));
    }
}
