namespace Foremast.Cli.Tests;

/// <summary>Runs the real command-line app in-process and captures its output and exit code.</summary>
public static class CliRunner
{
    private static readonly SemaphoreSlim ConsoleLock = new(1, 1);

    public static (int ExitCode, string Out, string Error) Run(params string[] args) => Run(null, null, args);

    /// <summary>Runs with environment variables set for this run only (under the same lock, so no other run sees them).</summary>
    public static (int ExitCode, string Out, string Error) RunWith(IReadOnlyDictionary<string, string?> environment, params string[] args) => Run(null, environment, args);

    /// <param name="services">Registrations for the commands that execute stages (a test's own executors).</param>
    /// <param name="environment">Variables set for this run only, under the same lock, so parallel tests never see them.</param>
    public static (int ExitCode, string Out, string Error) Run(
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        ConsoleLock.Wait();
        var saved = (environment ?? new Dictionary<string, string?>()).Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        var originalOut = Console.Out;
        var originalError = Console.Error;
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            Console.SetOut(output);
            Console.SetError(error);
            Spectre.Console.AnsiConsole.Console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
            {
                Out = new Spectre.Console.AnsiConsoleOutput(output),
                Ansi = Spectre.Console.AnsiSupport.No,
                ColorSystem = Spectre.Console.ColorSystemSupport.NoColors,
            });
            foreach (var (name, value) in environment ?? new Dictionary<string, string?>()) Environment.SetEnvironmentVariable(name, value);
            var code = ForemastApp.Create(args, services).Run(args);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            foreach (var (name, value) in saved) Environment.SetEnvironmentVariable(name, value);
            Console.SetOut(originalOut);
            Console.SetError(originalError);
            ConsoleLock.Release();
        }
    }

    /// <summary>stderr lines without the "using config ..." line every command starts with (tested on its own in ConfigFileTests).</summary>
    public static string[] Problems(string error) =>
        error.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("using ", StringComparison.Ordinal)).ToArray();

    public static string[] Lines(string error) => error.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
