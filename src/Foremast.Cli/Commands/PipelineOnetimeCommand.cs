using System.ComponentModel;
using Spectre.Console.Cli;

namespace Foremast.Cli.Commands;

/// <summary><c>foremast pipeline onetime</c> (Foremast's prepare-onetime-pipeline): the onetime pipelines of one env, published without cleaning.</summary>
public sealed class PipelineOnetimeCommand(Infra.InfraServices services) : AsyncCommand<PipelineOnetimeCommand.Settings>
{
    public sealed class Settings : PipelineSettings
    {
        [CommandOption("-e|--env <ENV>")]
        [Description("The env to write onetime pipelines for; defaults to $ENV (Foremast parsed -e but read $ENV).")]
        public string? Env { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var env = settings.Env ?? (Environment.GetEnvironmentVariable("ENV") is { Length: > 0 } e ? e : null)
            ?? throw new Errors.UsageException("no env: pass --env or set ENV");
        return PipelineRunner.RunAsync(context, services, settings, env, cancellationToken);
    }
}
