using System.ComponentModel;
using Foremast.Cli.Infra;
using Foremast.Cli.Output;
using Foremast.Core.Config;
using Foremast.Core.Config.Settings;
using Foremast.Workflows.Activities;
using Foremast.Workflows.Execution;
using Foremast.Workflows.Infrastructure;
using Foremast.Workflows.Orchestrations;
using Spectre.Console.Cli;

namespace Foremast.Cli.Commands;

/// <summary>
/// Infrastructure Setup for one env and region outside a pipeline (Foremast's <c>prepare-infrastructure</c>): every
/// resource kind the pipeline type needs, converged to the config, one output line per change. Exit 0, 1 on a cloud
/// error (one line), 2 on invalid input or config.
/// </summary>
public sealed class InfraCommand(InfraServices services) : AsyncCommand<InfraCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[runway-dir]")]
        [Description("Directory holding pipeline.json and application-master-{env}.json; defaults to $RUNWAY_DIR.")]
        public string? RunwayDirectory { get; init; }

        [CommandOption("--env <ENV>")]
        [Description("The env to set up; defaults to $ENV.")]
        public string? Env { get; init; }

        [CommandOption("--region <REGION>")]
        [Description("The region to set up; defaults to $REGION.")]
        public string? Region { get; init; }

        [CommandOption("--config <FILE>")]
        [Description("Global Foremast config JSON (the sections of config.py).")]
        public string? ConfigFile { get; init; }

        [CommandOption("--project <PROJECT>")]
        [Description("Git group; defaults to $PROJECT.")]
        public string? Project { get; init; }

        [CommandOption("--repo <REPO>")]
        [Description("Git repository; defaults to $GIT_REPO.")]
        public string? Repo { get; init; }

        [CommandOption("--dry-run")]
        [Description("Read the live state and print what would change (would create, would update, would delete); change nothing.")]
        public bool DryRun { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var args = InfraArguments.From(settings);
        if (args.Problem is { } problem) return Invalid(problem);

        var loaded = RunwayLoader.Load(new LoadRequest(args.RunwayDirectory, settings.ConfigFile, args.Project, args.Repo));
        if (DiagnosticWriter.Report(loaded, Console.Error) != ExitCodes.Ok) return ExitCodes.Invalid;
        var snapshot = loaded.Snapshot!;
        if (!snapshot.Environments.ContainsKey(args.Env))
        {
            return Invalid($"--env {args.Env}: no application-master-{args.Env}.json in {args.RunwayDirectory} (envs: {string.Join(", ", snapshot.Environments.Keys.Order())})");
        }

        var regions = snapshot.RegionsOf(args.Env);
        if (!regions.Contains(args.Region)) return Invalid($"--region {args.Region}: env {args.Env} deploys to {string.Join(", ", regions)}");

        var request = new StageRequest(
            $"infra-{snapshot.App}-{args.Env}-{args.Region}", snapshot.App, args.Region, args.Env, "infra", $"Infrastructure Setup [{args.Env}]",
            new ArtifactRef("", ""), snapshot.SettingsFor(args.Env, args.Region), settings.DryRun, snapshot.PipelineType, StageScope.Of(snapshot));
        DirectInfrastructureResult result;
        try
        {
            result = await services.Infrastructure.RunAsync(request, cancellationToken);
        }
        catch (StageSettingsException e)
        {
            return Invalid($"application-master-{args.Env}.json: {e.Message}");
        }
        catch (NoLiveExecutorException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failed;
        }

        foreach (var change in result.Changes) Console.Out.WriteLine(ResourceChangeLines.Format(change));
        if (result.Error is null) return ExitCodes.Ok;
        Console.Error.WriteLine($"error: {result.Error}");
        return ExitCodes.Failed;
    }

    private static int Invalid(string problem)
    {
        Console.Error.WriteLine($"error: {problem}");
        return ExitCodes.Invalid;
    }
}
