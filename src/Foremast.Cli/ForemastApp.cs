using Foremast.Cli.Commands;
using Foremast.Cli.Errors;
using Foremast.Cli.Infra;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace Foremast.Cli;

/// <summary>The managed <c>foremast</c>: the offline commands (src/Foremast.Cli.Offline) and the ones that run the engine or call a cloud.</summary>
public static class ForemastApp
{
    /// <summary>Every command, in the order help lists them.</summary>
    public static IReadOnlyList<CliCommand> Commands { get; } =
    [
        OfflineCommands.Validate,
        OfflineCommands.Schema,
        OfflineCommands.Plan,
        CliCommand.Of<ServeCommand>("serve", "Run the local durable engine (Azurite storage; runs dry unless they say) until Ctrl+C."),
        CliCommand.Of<RunCommand>("run", "Run a runway directory on a local engine and follow it; exit 0 succeeded, 1 failed, 3 stopped at a checkpoint."),
        CliCommand.Of<PublishCommand>("publish", "Create/update the Spinnaker application and save generated pipelines through Gate."),
        CliCommand.Of<InfraCommand>("infra", "Infrastructure Setup for one env and region outside a pipeline: one line per resource change; exit 1 on a cloud error, 2 on invalid config."),
        new("pipeline", c => c.AddBranch("pipeline", pipeline =>
        {
            pipeline.SetDescription("Foremast's pipeline entry points, reading RUNWAY_DIR, PROJECT, GIT_REPO, ENV and EMAIL when arguments are absent.");
            pipeline.AddCommand<PipelineAppCommand>("app").WithDescription("Generate and publish every region's pipeline with the application (Foremast's prepare-app-pipeline).");
            pipeline.AddCommand<PipelineOnetimeCommand>("onetime").WithDescription("Generate and publish the onetime pipelines of $ENV (Foremast's prepare-onetime-pipeline).");
        }), [typeof(PipelineAppCommand), typeof(PipelineOnetimeCommand)]),
        CliCommand.Of<DiffCommand>("diff", "Drift: what the live account differs from the config (a dry run of every env/region's Infrastructure Setup); exit 0 none, 4 drift, 1 cloud error, 2 invalid config."),
        CliCommand.Of<AutoscalingCommand>("autoscaling", "Attach Scaling Policy to the env's newest server group in one region: one line per change; exit 1 on a cloud error or no server group, 2 on invalid config."),
        CliCommand.Of<CompletionCommand>("completion", "Print a completion script for bash or zsh: source <(foremast completion bash)."),
        OfflineCommands.Generate,
    ];

    /// <summary>What the completion script and the error lines know about <see cref="Commands"/>.</summary>
    public static CommandCatalog Catalog { get; } = new(Commands);

    /// <param name="args">The command line, for the did-you-mean and usage lines of errors.</param>
    /// <param name="configureServices">Registrations for the commands that execute stages (see <c>CliServiceCollectionExtensions.AddForemastCli</c>).</param>
    public static CommandApp Create(IReadOnlyList<string>? args = null, Action<IServiceCollection>? configureServices = null)
    {
        var infra = new InfraServices(configureServices);
        return CliApp.Create(args ?? [], Catalog, registrar =>
        {
            registrar.RegisterInstance(infra);
            registrar.RegisterInstance<IAccountLookups>(new AwsAccountLookups(infra));
        });
    }
}
