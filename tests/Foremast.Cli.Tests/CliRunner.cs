namespace Foremast.Cli.Tests;

/// <summary>Runs the real command-line app in-process and captures its output and exit code.</summary>
public static class CliRunner
{
    private static readonly SemaphoreSlim ConsoleLock = new(1, 1);

    public static (int ExitCode, string Out, string Error) Run(params string[] args) => RunWith(new Dictionary<string, string?>(), args);

    /// <summary>Runs with environment variables set for this run only (under the same lock, so no other run sees them).</summary>
    public static (int ExitCode, string Out, string Error) RunWith(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        ConsoleLock.Wait();
        var saved = environment.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        foreach (var (key, value) in environment) Environment.SetEnvironmentVariable(key, value);
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
            var code = ForemastApp.Create(args).Run(args);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            foreach (var (key, value) in saved) Environment.SetEnvironmentVariable(key, value);
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
