using System.Text.Json;
using Foremast.Core.Config;

namespace Foremast.Workflows.Activities;

/// <summary>
/// The parts of the pinned snapshot every cloud executor needs besides its own settings: names (project, repo), the merged
/// <c>pipeline.json</c> and the global config (VPC name, default security groups, naming formats, the <c>aws</c> accounts).
/// Carried by every stage request so an executor never re-reads config.
/// </summary>
public sealed record StageScope(string Project, string Repo, JsonElement Pipeline, ForemastSettings Global)
{
    public static StageScope Of(ConfigSnapshot snapshot) => new(snapshot.Project, snapshot.Repo, snapshot.Pipeline, snapshot.Settings);
}
