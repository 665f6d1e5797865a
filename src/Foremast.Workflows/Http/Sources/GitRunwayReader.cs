using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Foremast.Core.Config;
using Foremast.Core.Validation;

namespace Foremast.Workflows.Http.Sources;

/// <summary>
/// Reads <c>runway/pipeline.json</c> and <c>runway/application-master-*.json</c> at a commit of a repository: a bare
/// clone per URL is kept in the cache directory and fetched only when the commit is not there yet, then the files are
/// read with <c>git show</c> (no checkout, so concurrent runs of different commits never disturb each other).
/// </summary>
public sealed class GitRunwayReader(GitClient git, string cacheDirectory, string runwayDirectory = "runway")
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new(StringComparer.Ordinal);

    public async Task<LoadResult> ReadAsync(ConfigReadRequest request, CancellationToken cancellationToken)
    {
        var url = request.Source.Url ?? "";
        var commit = request.Source.Commit ?? "";
        var shown = GitUrls.Redact(url);
        if (!GitUrls.IsAcceptable(url)) return Fail("$.source.url", "not a usable repository URL");
        if (!GitUrls.IsCommit(commit)) return Fail("$.source.commit", "a commit is a hex object name (7 to 64 characters)");

        var repository = Path.Combine(cacheDirectory, Key(url) + ".git");
        var gate = Locks.GetOrAdd(repository, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await ReadLockedAsync(request, repository, url, commit, shown, cancellationToken);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            // No git client on this machine: a configuration problem of the engine, reported like any other source problem.
            return Fail("$.source", $"cannot run git: {e.Message}");
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<LoadResult> ReadLockedAsync(ConfigReadRequest request, string repository, string url, string commit, string shown, CancellationToken cancellationToken)
    {
        var problem = await EnsureCommitAsync(repository, url, commit, cancellationToken);
        if (problem is not null) return Fail("$.source", $"{shown}@{commit}: {problem}");

        var full = (await GitAsync(repository, ["rev-parse", "--verify", "--quiet", commit + "^{commit}"], cancellationToken)).Output.Trim();
        var texts = await ReadRunwayAsync(repository, full, cancellationToken);
        var diagnostics = new List<Diagnostic>();
        var settings = ForemastSettingsLoader.Load(request.ConfigFile, diagnostics);
        var loaded = RunwayLoader.FromTexts(texts, settings, request.Project, request.Repo, ConfigSource.Git(shown, full, RunwayHash.Of(texts)));
        return diagnostics.Count == 0 ? loaded : loaded with { Diagnostics = [.. diagnostics, .. loaded.Diagnostics] };
    }

    /// <returns>Null when the commit is in the local clone, else why not.</returns>
    private async Task<string?> EnsureCommitAsync(string repository, string url, string commit, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(repository))
        {
            Directory.CreateDirectory(cacheDirectory);
            var init = await git.RunAsync(["init", "--bare", "--quiet", repository], cancellationToken);
            if (!init.Ok) return $"git init failed: {init.Error.Trim()}";
            await GitAsync(repository, ["remote", "add", "origin", url], cancellationToken);
        }

        if (await HasCommitAsync(repository, commit, cancellationToken)) return null;
        var fetch = await GitAsync(repository, ["fetch", "--quiet", "--no-tags", "origin", "+refs/heads/*:refs/heads/*"], cancellationToken);
        if (await HasCommitAsync(repository, commit, cancellationToken)) return null;

        // A commit on no branch (e.g. a pull request head) can still be fetched by full name where the server allows it.
        var byName = await GitAsync(repository, ["fetch", "--quiet", "--no-tags", "origin", commit], cancellationToken);
        if (await HasCommitAsync(repository, commit, cancellationToken)) return null;
        var error = (fetch.Ok ? byName.Error : fetch.Error).Trim();
        return error.Length > 0 && !fetch.Ok ? $"fetch failed: {GitUrls.Redact(error)}" : "commit not found in the repository";
    }

    private async Task<bool> HasCommitAsync(string repository, string commit, CancellationToken cancellationToken) =>
        (await GitAsync(repository, ["cat-file", "-e", commit + "^{commit}"], cancellationToken)).Ok;

    private async Task<Dictionary<string, string>> ReadRunwayAsync(string repository, string commit, CancellationToken cancellationToken)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var listing = await GitAsync(repository, ["ls-tree", "--name-only", commit, runwayDirectory + "/"], cancellationToken);
        foreach (var path in listing.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = path[(path.LastIndexOf('/') + 1)..];
            var wanted = name == RunwayLoader.PipelineFile || (name.StartsWith("application-master-", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal));
            if (!wanted) continue;
            var show = await GitAsync(repository, ["show", $"{commit}:{path}"], cancellationToken);
            if (show.Ok) texts[name] = show.Output;
        }

        return texts;
    }

    private Task<GitResult> GitAsync(string repository, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        git.RunAsync(["--git-dir", repository, .. arguments], cancellationToken);

    private static string Key(string url) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..20];

    private static LoadResult Fail(string path, string message) => new(null, [Diagnostic.Error("(git)", path, message)]);
}
