using System.ComponentModel;
using Foremast.Cli.Output;
using Spectre.Console.Cli;

namespace Foremast.Cli.Commands;

/// <summary>Prints a shell completion script for the commands and their options.</summary>
public sealed class CompletionCommand : Command<CompletionCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<shell>")]
        [Description("bash or zsh.")]
        public string Shell { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var script = settings.Shell switch
        {
            "bash" => CompletionScript.Bash(),
            "zsh" => CompletionScript.Zsh(),
            _ => null,
        };
        if (script is null)
        {
            Console.Error.WriteLine($"error: <shell>: expected bash or zsh, got \"{settings.Shell}\"");
            return ExitCodes.Invalid;
        }

        Console.Out.Write(script);
        return ExitCodes.Ok;
    }
}
