using Foremast.Cli.Commands;
using Foremast.Cli.Output;
using Foremast.Core.Config;
using Foremast.Workflows.Activities;
using Foremast.Workflows.Orchestrations;

namespace Foremast.Cli.Infra;

/// <summary>
/// A loaded runway directory and the env/region pairs an account command works on: the one given, or (when the command
/// allows it and none is given) every env with each of its regions.
/// </summary>
public sealed record AccountTarget(ConfigSnapshot Snapshot, IReadOnlyList<(string Env, string Region)> Targets)
{
    /// <summary>Loads and checks the arguments; on bad input writes one line per problem to stderr and returns null (exit 2).</summary>
    public static AccountTarget? Load(AccountTargetSettings settings, bool requireTarget = true)
    {
        var args = InfraArguments.From(settings, requireTarget);
        if (args.Problem is { } problem) return Invalid(problem);

        var loaded = RunwayLoader.Load(new LoadRequest(args.RunwayDirectory, settings.ConfigFile, args.Project, args.Repo));
        if (DiagnosticWriter.Report(loaded, Console.Error) != ExitCodes.Ok) return null;
        var snapshot = loaded.Snapshot!;
        if (args.Env.Length > 0 && !snapshot.Environments.ContainsKey(args.Env))
        {
            return Invalid($"--env {args.Env}: no application-master-{args.Env}.json in {args.RunwayDirectory} (envs: {string.Join(", ", snapshot.Environments.Keys.Order())})");
        }

        var envs = args.Env.Length > 0 ? [args.Env] : snapshot.Environments.Keys.Order(StringComparer.Ordinal).ToList();
        var targets = new List<(string, string)>();
        foreach (var env in envs)
        {
            var regions = snapshot.RegionsOf(env);
            if (args.Region.Length == 0)
            {
                targets.AddRange(regions.Select(r => (env, r)));
            }
            else if (regions.Contains(args.Region))
            {
                targets.Add((env, args.Region));
            }
            else if (args.Env.Length > 0)
            {
                return Invalid($"--region {args.Region}: env {env} deploys to {string.Join(", ", regions)}");
            }
        }

        return targets.Count > 0 ? new AccountTarget(snapshot, targets) : Invalid($"--region {args.Region}: no env deploys to it");
    }

    /// <summary>Infrastructure Setup of one env and region, as the pipeline's stage asks for it.</summary>
    public StageRequest InfrastructureRequest(string env, string region, bool dryRun) => new(
        $"infra-{Snapshot.App}-{env}-{region}", Snapshot.App, region, env, "infra", $"Infrastructure Setup [{env}]",
        new ArtifactRef("", ""), Snapshot.SettingsFor(env, region), dryRun, Snapshot.PipelineType, StageScope.Of(Snapshot));

    private static AccountTarget? Invalid(string problem)
    {
        Console.Error.WriteLine($"error: {problem}");
        return null;
    }
}
