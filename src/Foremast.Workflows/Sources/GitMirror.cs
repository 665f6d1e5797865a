using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Foremast.Workflows.Sources;

/// <summary>
/// A bare clone per repository URL in the cache directory, fetched only when a wanted commit is not there yet, so
/// repeated runs of one repository cost one small fetch. One lock per clone: concurrent hooks for the same repository
/// never fetch into it at once.
/// </summary>
public sealed class GitMirror(GitClient git, string cacheDirectory)
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="read"/> on the local clone of <paramref name="url"/> while holding its lock.</summary>
    public async Task<T> WithCloneAsync<T>(string url, Func<string, Task<T>> read, CancellationToken cancellationToken)
    {
        var repository = Path.Combine(cacheDirectory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..20] + ".git");
        var gate = Locks.GetOrAdd(repository, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await read(repository);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <returns>Null when the commit is in the local clone, else why not.</returns>
    public async Task<string?> EnsureCommitAsync(string repository, string url, string commit, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(repository))
        {
            Directory.CreateDirectory(cacheDirectory);
            var init = await git.RunAsync(["init", "--bare", "--quiet", repository], cancellationToken);
            if (!init.Ok) return $"git init failed: {init.Error.Trim()}";
            await RunAsync(repository, ["remote", "add", "origin", url], cancellationToken);
        }

        if (await HasCommitAsync(repository, commit, cancellationToken)) return null;
        var fetch = await RunAsync(repository, ["fetch", "--quiet", "--no-tags", "origin", "+refs/heads/*:refs/heads/*"], cancellationToken);
        if (await HasCommitAsync(repository, commit, cancellationToken)) return null;

        // A commit on no branch (e.g. a pull request head) can still be fetched by full name where the server allows it.
        await RunAsync(repository, ["fetch", "--quiet", "--no-tags", "origin", commit], cancellationToken);
        if (await HasCommitAsync(repository, commit, cancellationToken)) return null;
        return fetch.Ok ? "commit not found in the repository" : $"fetch failed: {GitUrls.Redact(fetch.Error.Trim())}";
    }

    public Task<GitResult> RunAsync(string repository, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        git.RunAsync(["--git-dir", repository, .. arguments], cancellationToken);

    private async Task<bool> HasCommitAsync(string repository, string commit, CancellationToken cancellationToken) =>
        (await RunAsync(repository, ["cat-file", "-e", commit + "^{commit}"], cancellationToken)).Ok;
}
