using Foremast.Core.Config;
using Foremast.Core.Validation;

namespace Foremast.Workflows.Sources;

/// <summary>The default reader: a path goes to <see cref="RunwayLoader.Load"/>, a URL and commit to <see cref="GitRunwayReader"/>.</summary>
public sealed class ConfigSourceReader(GitRunwayReader git) : IConfigSourceReader
{
    public Task<LoadResult> ReadAsync(ConfigReadRequest request, CancellationToken cancellationToken)
    {
        var source = request.Source;
        if (source.IsGit) return git.ReadAsync(request, cancellationToken);
        if (source.Path is { Length: > 0 } path)
        {
            return Task.FromResult(RunwayLoader.Load(new LoadRequest(path, request.ConfigFile, request.Project, request.Repo)));
        }

        return Task.FromResult(new LoadResult(null, [Diagnostic.Error("(request)", "$.source", "give either path, or url and commit")]));
    }
}
