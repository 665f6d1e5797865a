using Foremast.Cli.Errors;
using Spectre.Console.Cli;

namespace Foremast.Cli;

/// <summary>The Spectre app both builds of <c>foremast</c> run: the managed one with every command, the native one with the offline commands.</summary>
public static class CliApp
{
    /// <param name="args">The command line: picks the command to register, and feeds the did-you-mean and usage lines of errors.</param>
    /// <param name="catalog">The commands this build offers, in the order help lists them.</param>
    /// <param name="register">Instances the commands take in their constructors (see <see cref="Commands.IAccountLookups"/>).</param>
    public static CommandApp Create(IReadOnlyList<string> args, CommandCatalog catalog, Action<ITypeRegistrarFrontend> register)
    {
        var commands = catalog.Registered;
        var app = new CommandApp();
        app.Configure(config =>
        {
            register(config.Settings.Registrar);
            config.SetApplicationName("foremast");

            // Help and version go to the console current at creation (tests capture it per run).
            config.ConfigureConsole(Spectre.Console.AnsiConsole.Console);

            // Foremast's `foremast -v`.
            config.SetApplicationVersion(typeof(CliApp).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

            // Unknown options are errors, not remaining arguments; every exception becomes one line and an exit code.
            config.UseStrictParsing();
            config.SetExceptionHandler((e, _) => CliErrorHandler.Handle(e, args, catalog));
            config.SetInterceptor(new OptionPathInterceptor(catalog));

            // Only the command the line names is registered (all of them for help, --version and anything unknown):
            // Spectre builds its model by reflecting over every registered command's settings, and that, with the types
            // it loads, was a large part of a cold start (docs/performance.md).
            var named = args is [var first, ..] ? commands.Where(c => c.Name == first).ToArray() : [];
            foreach (var command in named.Length == 1 ? named : commands) command.Add(config);
        });
        return app;
    }
}
