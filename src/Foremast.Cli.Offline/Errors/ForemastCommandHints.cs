namespace Foremast.Cli.Errors;

/// <summary>
/// One-line answers for Foremast commands this tool does not offer, so a Jenkins job that calls one learns what to
/// use instead rather than reading a parse error.
/// </summary>
public static class ForemastCommandHints
{
    private static readonly Dictionary<string, string> Hints = new(StringComparer.Ordinal)
    {
        ["rebuild"] = "foremast rebuild is not offered: run `foremast pipeline app` for each application (PROJECT, GIT_REPO, RUNWAY_DIR), for example from a CI job over the repositories",
        ["scheduledactions"] = "foremast scheduledactions is not offered: asg.scheduled_actions is validated, but this tool does not apply scheduled actions",
        ["lambdas"] = "foremast lambdas deploy is not offered: Lambda deploys run as the pipeline's deploy stage (`foremast run`)",
        ["cloudfunctions"] = "foremast cloudfunctions deploy is not offered: Cloud Function deploys run as the pipeline's deploy stage (`foremast run`)",
        ["describe"] = "foremast describe is not offered: the envs are base.envs (and gcp.envs) of the Foremast config",
        ["infra"] = "foremast infra is not offered by this build: `foremast run` creates an application's infrastructure as its first stages",
        ["autoscaling"] = "foremast autoscaling is not offered by this build: scaling policies are attached by the pipeline's Attach Scaling Policy stage (`foremast run`)",
    };

    /// <summary>The answer for a command line naming a Foremast command that is not registered here, else null.</summary>
    public static string? For(IReadOnlyList<string> args, CommandCatalog catalog)
    {
        if (args.Count == 0) return null;
        if (args[0] == "validate" && args.Count > 1 && args[1] is "all" or "gate" && !Directory.Exists(args[1]))
        {
            return $"foremast validate {args[1]} (Foremast's Gate connectivity check) is not offered: `foremast publish` reports an unreachable Gate with its error; `foremast validate <runway-dir>` checks a runway directory";
        }

        // The catalog is read only for a hinted name (it reflects over every command type).
        return Hints.TryGetValue(args[0], out var hint) && !catalog.TopLevel.Contains(args[0]) ? hint : null;
    }
}
