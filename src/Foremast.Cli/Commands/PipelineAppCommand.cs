using Spectre.Console.Cli;

namespace Foremast.Cli.Commands;

/// <summary><c>foremast pipeline app</c> (Foremast's prepare-app-pipeline): generate every region's pipeline and publish them with the application.</summary>
public sealed class PipelineAppCommand(Infra.InfraServices services) : AsyncCommand<PipelineSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, PipelineSettings settings, CancellationToken cancellationToken) =>
        PipelineRunner.RunAsync(context, services, settings, onetimeEnv: null, cancellationToken);
}
