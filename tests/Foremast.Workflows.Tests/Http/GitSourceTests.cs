using Foremast.Workflows.Webhooks;
using System.Text.Json;
using Foremast.Api;
using Foremast.Api.Hooks;
using Foremast.Api.Runs;
using Foremast.Workflows.Sources;

namespace Foremast.Workflows.Tests.Http;

/// <summary>Config read from a real repository: a bare remote made in the test, fetched and read with the git client.</summary>
[Collection(HttpCollection.Name)]
public sealed class GitSourceTests : IClassFixture<ApiHost>, IDisposable
{
    private readonly ApiHost _host;
    private readonly LocalGitRepository _repository = new();

    public GitSourceTests(ApiHost host)
    {
        _host = host;
        host.Options.Webhooks.GenericSecret = ApiHost.HookSecret;
        if (!host.Options.Webhooks.Repos.Any(r => r.Repo == "gitshop"))
        {
            host.Options.Webhooks.Repos.Add(new RepoMapping { Provider = "generic", RepoUrl = "file:///unused", Project = "acme", Repo = "gitshop", DryRun = true });
        }

        host.Options.Webhooks.Repos.Single(r => r.Repo == "gitshop").RepoUrl = _repository.Bare;
    }

    [Fact]
    public async Task Hook_with_a_pushed_commit_starts_a_run_whose_snapshot_records_the_url_and_commit()
    {
        var commit = _repository.CommitRunway(ApiHost.ExamplesRunway, "runway files");
        var body = JsonSerializer.SerializeToUtf8Bytes(new { repository = _repository.Bare, @ref = "refs/heads/main", commit });

        var response = await _host.SendAsync(ApiRoutes.GitHook, Requests.Raw("POST", body, "application/json", headers: new() { ["X-Foremast-Signature"] = WebhookSignature.Sign(body, ApiHost.HookSecret) }));

        Assert.Equal(202, response.Status);
        var runId = response.Read<HookBody>()!.Runs.Single().RunId!;
        var status = await _host.SendAsync(ApiRoutes.GetRun, Requests.Get(Requests.Id(runId)));
        var source = status.Read<RunDocument>()!.Source!;
        Assert.Equal(("git", _repository.Bare, commit), (source.Config.Kind, source.Config.Location, source.Config.Commit));
        Assert.Equal("gitshopacme", status.Read<RunDocument>()!.App);
    }

    [Fact]
    public async Task Git_reader_reads_each_commit_and_an_unknown_commit_is_a_diagnostic()
    {
        var cache = Directory.CreateTempSubdirectory("foremast-git-cache-").FullName;
        var reader = new GitRunwayReader(new GitClient(), cache);
        var first = _repository.CommitRunway(ApiHost.ExamplesRunway, "first");
        var second = _repository.CommitRunway(ApiHost.ExamplesRunway, "second", runway => File.Delete(Path.Combine(runway, "application-master-dev.json")));

        var atFirst = await reader.ReadAsync(Request(first[..10]), CancellationToken.None);
        var atSecond = await reader.ReadAsync(Request(second), CancellationToken.None);
        var missing = await reader.ReadAsync(Request("0123456789abcdef0123456789abcdef01234567"), CancellationToken.None);
        var optionLike = await reader.ReadAsync(Request("--upload-pack=x"), CancellationToken.None);

        Assert.True(atFirst.IsValid, string.Join("\n", atFirst.Errors));
        Assert.Equal(first, atFirst.Snapshot!.Source.Commit);
        Assert.Contains("dev", atFirst.Snapshot.Environments.Keys);
        Assert.False(atSecond.IsValid);
        Assert.Contains(atSecond.Errors, d => d.File == "application-master-dev.json");
        Assert.Contains(missing.Errors, d => d.Message.Contains("commit not found", StringComparison.Ordinal));
        Assert.Contains(optionLike.Errors, d => d.Path == "$.source.commit");
        Directory.Delete(cache, recursive: true);
    }

    [Fact]
    public async Task Git_reader_reports_a_missing_git_client_as_a_diagnostic()
    {
        var cache = Path.Combine(Path.GetTempPath(), "foremast-no-git-" + Guid.NewGuid().ToString("N"));
        var reader = new GitRunwayReader(new GitClient("no-such-git-client"), cache);

        var result = await reader.ReadAsync(Request("0123456789abcdef"), CancellationToken.None);
        if (Directory.Exists(cache)) Directory.Delete(cache, recursive: true);

        Assert.Contains(result.Errors, d => d.Message.StartsWith("cannot run git", StringComparison.Ordinal));
    }

    public void Dispose() => _repository.Dispose();

    private ConfigReadRequest Request(string commit) =>
        new(new ConfigSourceSpec(Url: _repository.Bare, Commit: commit), "acme", "gitshop", ApiHost.ExamplesConfig);
}
