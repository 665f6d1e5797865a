using Foremast.Core.Config;
using Foremast.Core.Validation;

namespace Foremast.Workflows.Sources;

/// <summary>
/// Reads <c>runway/pipeline.json</c> and <c>runway/application-master-*.json</c> at a commit with <c>git show</c>
/// (no checkout, so concurrent runs of different commits never disturb each other) and builds the snapshot with
/// <see cref="ConfigSource.Git"/>: the run records the repository and the full commit it deploys.
/// </summary>
public sealed class GitRunwayReader(GitClient git, string cacheDirectory, string runwayDirectory = "runway")
{
    private readonly GitMirror _mirror = new(git, cacheDirectory);

    public async Task<LoadResult> ReadAsync(ConfigReadRequest request, CancellationToken cancellationToken)
    {
        var url = request.Source.Url ?? "";
        var commit = request.Source.Commit ?? "";
        if (!GitUrls.IsAcceptable(url)) return Fail("$.source.url", "not a usable repository URL");
        if (!GitUrls.IsCommit(commit)) return Fail("$.source.commit", "a commit is a hex object name (7 to 64 characters)");

        try
        {
            return await _mirror.WithCloneAsync(url, repository => ReadAtAsync(request, repository, url, commit, cancellationToken), cancellationToken);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            // No git client on this machine: a problem of the engine's setup, reported like any other source problem.
            return Fail("$.source", $"cannot run git: {e.Message}");
        }
    }

    private async Task<LoadResult> ReadAtAsync(ConfigReadRequest request, string repository, string url, string commit, CancellationToken cancellationToken)
    {
        var shown = GitUrls.Redact(url);
        var problem = await _mirror.EnsureCommitAsync(repository, url, commit, cancellationToken);
        if (problem is not null) return Fail("$.source", $"{shown}@{commit}: {problem}");

        var full = (await _mirror.RunAsync(repository, ["rev-parse", "--verify", "--quiet", commit + "^{commit}"], cancellationToken)).Output.Trim();
        var texts = await ReadRunwayAsync(repository, full, cancellationToken);
        var diagnostics = new List<Diagnostic>();
        var settings = ForemastSettingsLoader.Load(request.ConfigFile, diagnostics);
        var loaded = RunwayLoader.FromTexts(texts, settings, request.Project, request.Repo, ConfigSource.Git(shown, full, RunwayHash.Of(texts)));
        return diagnostics.Count == 0 ? loaded : loaded with { Diagnostics = [.. diagnostics, .. loaded.Diagnostics] };
    }

    private async Task<Dictionary<string, string>> ReadRunwayAsync(string repository, string commit, CancellationToken cancellationToken)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var listing = await _mirror.RunAsync(repository, ["ls-tree", "--name-only", commit, runwayDirectory + "/"], cancellationToken);
        foreach (var path in listing.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = path[(path.LastIndexOf('/') + 1)..];
            var wanted = name == RunwayLoader.PipelineFile || (name.StartsWith("application-master-", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal));
            if (!wanted) continue;
            var show = await _mirror.RunAsync(repository, ["show", $"{commit}:{path}"], cancellationToken);
            if (show.Ok) texts[name] = show.Output;
        }

        return texts;
    }

    private static LoadResult Fail(string path, string message) => new(null, [Diagnostic.Error("(git)", path, message)]);
}
