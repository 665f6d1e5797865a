using System.ComponentModel;
using Foremast.Cli.Infra;
using Foremast.Core.Config.Settings;
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
    public sealed class Settings : AccountTargetSettings
    {
        [CommandOption("--dry-run")]
        [Description("Read the live state and print what would change (would create, would update, would delete); change nothing.")]
        public bool DryRun { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (AccountTarget.Load(settings) is not { } target) return ExitCodes.Invalid;
        var (env, region) = target.Targets[0];
        var request = target.InfrastructureRequest(env, region, settings.DryRun);
        DirectInfrastructureResult result;
        try
        {
            result = await services.Infrastructure.RunAsync(request, cancellationToken);
        }
        catch (StageSettingsException e)
        {
            return Invalid($"application-master-{env}.json: {e.Message}");
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
