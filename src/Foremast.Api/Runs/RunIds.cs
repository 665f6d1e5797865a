using System.Security.Cryptography;
using System.Text;
using Foremast.Core.Config;

namespace Foremast.Api.Runs;

/// <summary>
/// Run ids are derived, not random: app + commit (or, for a directory, the content hash) + artifact version. A
/// redelivered hook or a repeated request therefore names the same instance and finds it instead of starting another.
/// A dry run gets its own id, so a rehearsal of a commit never blocks the real deployment of it.
/// </summary>
public static class RunIds
{
    public static string For(string app, ConfigSource source, string? artifactVersion, bool dryRun)
    {
        var version = source.Commit ?? "sha256:" + source.ContentHash;
        var key = $"{app}\n{version}\n{artifactVersion ?? ""}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..20];
        return dryRun ? $"{app}-{hash}-dry" : $"{app}-{hash}";
    }

    /// <summary>Run ids never contain ':'; that separates a run from its region and stage instances.</summary>
    public static bool IsRunId(string instanceId) => instanceId.Length > 0 && !instanceId.Contains(':');
}
