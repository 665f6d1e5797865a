using System.Collections.Concurrent;
using Foremast.Core.Config;
using Foremast.Tests.Shared;
using Foremast.Api;
using Foremast.Workflows.Sources;

namespace Foremast.Workflows.Tests.Http;

/// <summary>
/// The API with a repo map for the webhook fixtures' repositories. The fixtures' commits exist nowhere, so the
/// config reader here serves the examples runway as if it had been read at the pushed commit, and records each read.
/// </summary>
public class HookApiHost : ApiHost
{
    public const string GitLabToken = "gitlab-shared-token";

    public HookApiHost()
    {
        Options.Webhooks.GitHubSecret = HookSecret;
        Options.Webhooks.GitLabToken = GitLabToken;
        Options.Webhooks.BitbucketSecret = HookSecret;
        Options.Webhooks.GenericSecret = HookSecret;
        Options.Webhooks.Repos.AddRange(
        [
            new RepoMapping { Provider = "github", FullName = "binkkatal/sample_app", Project = "acme", Repo = "webshop", DryRun = true, ArtifactUrl = "https://artifacts.example.com/webshop-{version}.rpm" },
            new RepoMapping { Provider = "github", FullName = "Codertocat/Hello-World", Project = "acme", Repo = "hello", DryRun = true },
            new RepoMapping { Provider = "gitlab", RepoUrl = "git@example.com:mike/diaspora.git", Project = "acme", Repo = "diaspora", DryRun = true },
            new RepoMapping { Provider = "bitbucket", FullName = "team_name/repo_name", Project = "acme", Repo = "bitbucket", DryRun = true, Branches = ["name-of-branch"] },
            new RepoMapping { Provider = "generic", RepoUrl = "https://git.example.com/acme/generic.git", Project = "acme", Repo = "generic", DryRun = true },
        ]);
    }

    public ConcurrentQueue<ConfigReadRequest> Reads { get; } = new();

    public static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(Fixtures.Root, "tests", "fixtures", "webhooks", name));

    protected override IConfigSourceReader CreateReader() => new ExamplesAtCommit(Reads);

    private sealed class ExamplesAtCommit(ConcurrentQueue<ConfigReadRequest> reads) : IConfigSourceReader
    {
        public Task<LoadResult> ReadAsync(ConfigReadRequest request, CancellationToken cancellationToken)
        {
            reads.Enqueue(request);
            var source = ConfigSource.Git(request.Source.Url!, request.Source.Commit!, "examples");
            return Task.FromResult(RunwayLoader.Load(new LoadRequest(ExamplesRunway, request.ConfigFile, request.Project, request.Repo, source)));
        }
    }
}
