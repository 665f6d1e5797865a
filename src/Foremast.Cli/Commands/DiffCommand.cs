using Foremast.Cli.Infra;
using Foremast.Core.Config.Settings;
using Foremast.Workflows.DryRun;
using Foremast.Workflows.Infrastructure;
using Spectre.Console.Cli;

namespace Foremast.Cli.Commands;

/// <summary>
/// Drift: how the live account differs from the config. Infrastructure Setup of every selected env and region as a dry run
/// (read-only sessions: any write is refused before it is sent), printing only what would change. Exit 0 without drift,
/// 4 with drift, 1 on a cloud error (one line), 2 on invalid input or config.
/// </summary>
public sealed class DiffCommand(InfraServices services) : AsyncCommand<AccountTargetSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, AccountTargetSettings settings, CancellationToken cancellationToken)
    {
        if (AccountTarget.Load(settings, requireTarget: false) is not { } target) return ExitCodes.Invalid;

        var drift = false;
        foreach (var (env, region) in target.Targets)
        {
            var request = target.InfrastructureRequest(env, region, dryRun: true);
            DirectInfrastructureResult result;
            try
            {
                // A recorder would report every resource as missing without looking: drift needs the account itself.
                var recorded = InfrastructurePhases.KindsFor(request.PipelineType, request.Settings)
                    .Where(k => services.Resources.For(k) is null or IRecordingExecutor).Order(StringComparer.Ordinal).ToList();
                if (recorded.Count > 0)
                {
                    Console.Error.WriteLine($"error: diff reads the live account, but there is no live executor for the {string.Join(", ", recorded)} resource{(recorded.Count > 1 ? "s" : "")} here: configure the AWS executors (AWS credentials or Foremast__Aws__Enabled=true)");
                    return ExitCodes.Failed;
                }

                result = await services.Infrastructure.RunAsync(request, cancellationToken);
            }
            catch (StageSettingsException e)
            {
                Console.Error.WriteLine($"error: application-master-{env}.json: {e.Message}");
                return ExitCodes.Invalid;
            }

            foreach (var change in result.Changes.Where(c => c.Verb != "unchanged"))
            {
                drift = true;
                Console.Out.WriteLine($"{env} {region}: {ResourceChangeLines.Format(change)}");
            }

            if (result.Error is { } error)
            {
                Console.Error.WriteLine($"error: {env} {region}: {error}");
                return ExitCodes.Failed;
            }
        }

        return drift ? ExitCodes.Drift : ExitCodes.Ok;
    }
}
