using Foremast.Aws;
using Foremast.Aws.Scaling;
using Foremast.Cli.Infra;
using Foremast.Core.Config.Settings;
using Foremast.Workflows.Execution;
using Foremast.Workflows.Infrastructure;
using Spectre.Console.Cli;

namespace Foremast.Cli.Commands;

/// <summary>
/// Attach Scaling Policy outside a pipeline (Foremast's <c>create-scaling-policy</c>): the env's newest server group in the
/// region gets the <c>asg</c> block's scaling policies, alarms and scheduled actions; one output line per change. Exit 0,
/// 1 on a cloud error or when the env has no server group there (one line), 2 on invalid input or config.
/// </summary>
public sealed class AutoscalingCommand(InfraServices services) : AsyncCommand<AccountTargetSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, AccountTargetSettings settings, CancellationToken cancellationToken)
    {
        if (AccountTarget.Load(settings) is not { } target) return ExitCodes.Invalid;
        var (env, region) = target.Targets[0];
        if (services.Optional<ScalingPolicyAttacher>() is not { } attacher)
        {
            Console.Error.WriteLine("error: no live executor for Attach Scaling Policy here: configure the AWS executors (AWS credentials or Foremast__Aws__Enabled=true)");
            return ExitCodes.Failed;
        }

        var ctx = AwsStageContext.From(target.Snapshot, env, region, $"autoscaling-{target.Snapshot.App}-{env}-{region}", dryRun: false);
        try
        {
            var result = await attacher.AttachAsync(ctx, null, cancellationToken);
            foreach (var change in result.Changes) Console.Out.WriteLine(ResourceChangeLines.Format(change));
            return ExitCodes.Ok;
        }
        catch (StageSettingsException e)
        {
            Console.Error.WriteLine($"error: application-master-{env}.json: {e.Message}");
            return ExitCodes.Invalid;
        }
        catch (PermanentExecutorException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
