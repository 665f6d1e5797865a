namespace Foremast.Cli.Publish;

/// <summary>The command's inputs are unusable (exit 2), as opposed to Gate failing (exit 1).</summary>
public sealed class InvalidInputException(string message) : Exception(message);
