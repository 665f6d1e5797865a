using Foremast.Cli.Commands;
using Foremast.Cli.Errors;
using Foremast.Cli.Infra;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace Foremast.Cli;

public static class ForemastApp
{
    /// <param name="args">The command line, for the did-you-mean and usage lines of errors.</param>
    /// <param name="configureServices">Registrations for the commands that execute stages (see <c>CliServiceCollectionExtensions.AddForemastCli</c>).</param>
    public static CommandApp Create(IReadOnlyList<string>? args = null, Action<IServiceCollection>? configureServices = null)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.Settings.Registrar.RegisterInstance(new InfraServices(configureServices));
            config.SetApplicationName("foremast");

            // Help and version go to the console current at creation (tests capture it per run).
            config.ConfigureConsole(Spectre.Console.AnsiConsole.Console);

            // Foremast's `foremast -v`.
            config.SetApplicationVersion(typeof(ForemastApp).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

            // Unknown options are errors, not remaining arguments; every exception becomes one line and an exit code.
            config.UseStrictParsing();
            config.SetExceptionHandler((e, _) => CliErrorHandler.Handle(e, args ?? []));
            config.SetInterceptor(new OptionPathInterceptor());
            // Only the command the line names is registered (all of them for help, --version and anything unknown):
            // Spectre builds its model by reflecting over every registered command's settings, and that, with the types
            // it loads, was a large part of a cold start (docs/performance.md).
            (string Name, Action<IConfigurator> Add)[] commands =
            [
                ("validate", c => c.AddCommand<ValidateCommand>("validate").WithDescription("Check a runway directory; exit 0 when valid, 2 when not.")),
                ("schema", c => c.AddCommand<SchemaCommand>("schema").WithDescription("Write the JSON Schemas of pipeline.json and application-master-{env}.json.")),
                ("plan", c => c.AddCommand<PlanCommand>("plan").WithDescription("Print the per-region stage graph of a runway directory.")),
                ("serve", c => c.AddCommand<ServeCommand>("serve").WithDescription("Run the local durable engine (Azurite storage; runs dry unless they say) until Ctrl+C.")),
                ("run", c => c.AddCommand<RunCommand>("run").WithDescription("Run a runway directory on a local engine and follow it; exit 0 succeeded, 1 failed, 3 stopped at a checkpoint.")),
                ("publish", c => c.AddCommand<PublishCommand>("publish").WithDescription("Create/update the Spinnaker application and save generated pipelines through Gate.")),
                ("infra", c => c.AddCommand<InfraCommand>("infra").WithDescription("Infrastructure Setup for one env and region outside a pipeline: one line per resource change; exit 1 on a cloud error, 2 on invalid config.")),
                ("pipeline", c => c.AddBranch("pipeline", pipeline =>
                {
                    pipeline.SetDescription("Foremast's pipeline entry points, reading RUNWAY_DIR, PROJECT, GIT_REPO, ENV and EMAIL when arguments are absent.");
                    pipeline.AddCommand<PipelineAppCommand>("app").WithDescription("Generate and publish every region's pipeline with the application (Foremast's prepare-app-pipeline).");
                    pipeline.AddCommand<PipelineOnetimeCommand>("onetime").WithDescription("Generate and publish the onetime pipelines of $ENV (Foremast's prepare-onetime-pipeline).");
                })),
                ("diff", c => c.AddCommand<DiffCommand>("diff").WithDescription("Drift: what the live account differs from the config (a dry run of every env/region's Infrastructure Setup); exit 0 none, 4 drift, 1 cloud error, 2 invalid config.")),
                ("autoscaling", c => c.AddCommand<AutoscalingCommand>("autoscaling").WithDescription("Attach Scaling Policy to the env's newest server group in one region: one line per change; exit 1 on a cloud error or no server group, 2 on invalid config.")),
                ("completion", c => c.AddCommand<CompletionCommand>("completion").WithDescription("Print a completion script for bash or zsh: source <(foremast completion bash).")),
                ("generate", c => c.AddCommand<GenerateCommand>("generate").WithDescription("Write the Spinnaker pipeline of every region (or the onetime pipelines of one env) as JSON files.")),
            ];
            var named = args is [var first, ..] ? commands.Where(c => c.Name == first).ToArray() : [];
            foreach (var command in named.Length == 1 ? named : commands) command.Add(config);
        });
        return app;
    }
}
