using System.Text.RegularExpressions;

namespace Foremast.Spinnaker.Application;

/// <summary>
/// Which pipelines Foremast owns (its <c>check_managed_pipeline</c>, reference foremast.md §8.1): exactly
/// <c>"{app} [region]"</c>, and onetime pipelines <c>"{app} [region] (onetime-{env})"</c>. Every other name is the
/// team's own pipeline and is never touched. Matching is exact: Foremast's "name contains the region" lookup mixed
/// up <c>us-east-1</c> and <c>us-east-1-beta</c>.
/// </summary>
public sealed partial record ManagedPipelineName(string Region, string? OnetimeEnv)
{
    public bool IsOnetime => OnetimeEnv is not null;

    /// <summary>The managed identity of <paramref name="name"/>, or null when the pipeline is not Foremast's.</summary>
    public static ManagedPipelineName? Parse(string app, string name)
    {
        if (!name.StartsWith(app + " [", StringComparison.Ordinal)) return null;
        var match = Suffix().Match(name, app.Length);
        return match.Success ? new ManagedPipelineName(match.Groups["region"].Value, match.Groups["env"].Success ? match.Groups["env"].Value : null) : null;
    }

    [GeneratedRegex(@"\G \[(?<region>[^\[\]\s]+)\](?: \(onetime-(?<env>[^()\s]+)\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Suffix();
}
