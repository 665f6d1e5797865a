namespace Foremast.Cli.Errors;

/// <summary>A command line or input file the command cannot use: one line on stderr, exit 2.</summary>
public sealed class UsageException(string message, string? command = null) : Exception(message)
{
    /// <summary>The command whose usage line helps, if any.</summary>
    public string? Command { get; } = command;
}
