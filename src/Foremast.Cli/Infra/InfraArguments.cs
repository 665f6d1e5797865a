using Foremast.Cli.Commands;

namespace Foremast.Cli.Infra;

/// <summary>
/// The arguments of the account commands (<c>infra</c>, <c>diff</c>, <c>autoscaling</c>) with Foremast's environment fallbacks
/// (<c>RUNWAY_DIR</c>, <c>ENV</c>, <c>REGION</c>, <c>PROJECT</c>, <c>GIT_REPO</c>) applied; an argument given on the command line wins.
/// </summary>
/// <param name="Env">Empty when neither <c>--env</c> nor <c>ENV</c> names one and the command allows that (every env).</param>
/// <param name="Region">Empty when neither <c>--region</c> nor <c>REGION</c> names one and the command allows that (every region).</param>
/// <param name="Problem">The first missing or invalid argument, as one line naming the option and its variable.</param>
public sealed record InfraArguments(string RunwayDirectory, string Env, string Region, string Project, string Repo, string? Problem)
{
    /// <param name="requireTarget">Whether the env and region are required (infra, autoscaling) or default to all of them (diff).</param>
    public static InfraArguments From(AccountTargetSettings s, bool requireTarget = true)
    {
        var dir = Pick(s.RunwayDirectory, "RUNWAY_DIR");
        var env = Pick(s.Env, "ENV");
        var region = Pick(s.Region, "REGION");
        var project = Pick(s.Project, "PROJECT");
        var repo = Pick(s.Repo, "GIT_REPO");
        var problem =
            dir is null ? "<runway-dir>: required (or set RUNWAY_DIR)"
            : !Directory.Exists(dir) ? $"no runway directory {dir}"
            : requireTarget && env is null ? "--env: required (or set ENV)"
            : requireTarget && region is null ? "--region: required (or set REGION)"
            : project is null ? "--project: required (or set PROJECT)"
            : repo is null ? "--repo: required (or set GIT_REPO)"
            : s.ConfigFile is { } config && !File.Exists(config) ? $"no config file {config}"
            : null;
        return new InfraArguments(dir ?? "", env ?? "", region ?? "", project ?? "", repo ?? "", problem);
    }

    private static string? Pick(string? given, string variable) =>
        given is { Length: > 0 } ? given : Environment.GetEnvironmentVariable(variable) is { Length: > 0 } fromEnv ? fromEnv : null;
}
