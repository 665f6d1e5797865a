namespace Foremast.Cli.Errors;

/// <summary>A command line or input file the command cannot use: one line on stderr, exit 2.</summary>
public sealed class UsageException(string message, string? command = null, bool showUsage = true) : Exception(message)
{
    /// <summary>The command whose usage line helps, if any.</summary>
    public string? Command { get; } = command;

    /// <summary>False for problems inside an input file, where the command's usage says nothing useful.</summary>
    public bool ShowUsage { get; } = showUsage;
}
