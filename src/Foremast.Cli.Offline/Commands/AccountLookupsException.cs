namespace Foremast.Cli.Commands;

/// <summary>The account's facts could not be read; the message is the one line the user sees after <c>--lookups aws:</c>.</summary>
public sealed class AccountLookupsException(string message, Exception? inner = null) : Exception(message, inner);
