using System.Text.RegularExpressions;
using Foremast.Core.Validation;
using Spectre.Console.Cli;

namespace Foremast.Cli.Errors;

/// <summary>
/// Turns every exception that reaches the app into one line on stderr and an exit code: usage and input errors
/// (unknown commands and options, missing arguments, unusable option values) exit 2 with the command's usage;
/// anything else is a bug, reported in one line with exit 1. No stack trace reaches the user.
/// </summary>
public static partial class CliErrorHandler
{
    public static int Handle(Exception exception, IReadOnlyList<string> args, CommandCatalog catalog)
    {
        var command = catalog.KeyOf(args);
        switch (exception)
        {
            case UsageException usage:
                Write($"error: {usage.Message}", usage.ShowUsage ? usage.Command ?? command : null, catalog);
                return ExitCodes.Invalid;
            case CommandParseException or CommandRuntimeException:
                Write($"error: {Explain(exception.Message, command, args, catalog)}", command ?? "", catalog);
                return ExitCodes.Invalid;
            case OperationCanceledException:
                Console.Error.WriteLine("error: cancelled");
                return ExitCodes.Failed;
            default:
                Console.Error.WriteLine($"error: {FirstLine(exception.Message)} ({exception.GetType().Name}; this is a bug in foremast, please report it with the command line)");
                return ExitCodes.Failed;
        }
    }

    private static string Explain(string message, string? command, IReadOnlyList<string> args, CommandCatalog catalog)
    {
        message = FirstLine(message).TrimEnd('.');
        if (ForemastCommandHints.For(args, catalog) is { } hint) return hint;
        if (UnknownCommand().Match(message) is { Success: true } c)
        {
            // Within a group ("pipeline ap") the candidates are the group's own commands.
            var known = args.Count > 1 && CommandCatalog.Branches.Contains(args[0]) && args[1] == c.Groups[1].Value
                ? catalog.Commands.Keys.Where(k => k.StartsWith(args[0] + " ", StringComparison.Ordinal)).Select(k => k[(args[0].Length + 1)..]).Order(StringComparer.Ordinal).ToList()
                : catalog.TopLevel.ToList();
            var suggestion = DidYouMean.Suggest(c.Groups[1].Value, known);
            return $"unknown command \"{c.Groups[1].Value}\"{(suggestion is null ? $" (commands: {string.Join(", ", known)})" : $"; did you mean \"{suggestion}\"?")}";
        }

        if (UnknownOption().Match(message) is { Success: true } o && command is not null)
        {
            var bare = o.Groups[1].Value.TrimStart('-');
            var name = args.Contains("-" + bare) && !args.Contains("--" + bare) ? "-" + bare : "--" + bare;
            var suggestion = DidYouMean.Suggest(name, CommandCatalog.LongOptions(catalog.Commands[command]));
            return $"unknown option {name} for {command}{(suggestion is null ? "" : $"; did you mean {suggestion}?")}";
        }

        if (MissingArgument().Match(message) is { Success: true } m) return $"missing argument <{m.Groups[2].Value}>";
        if (UnexpectedOption().Match(message) is { Success: true } u) return $"unknown option {(u.Groups[1].Value.Length == 1 ? "-" : "--")}{u.Groups[1].Value}";
        if (NotConvertible().Match(message) is { Success: true } f)
        {
            var value = f.Groups[1].Value;
            var at = IndexOf(args, value);
            var option = at > 0 && args[at - 1].StartsWith('-') ? args[at - 1] : "an option";
            var expected = f.Groups[2].Value switch
            {
                "Int32" or "Int64" or "Nullable`1" => "a whole number",
                "Boolean" => "true or false",
                var other => $"a {other}",
            };
            return $"{option}: expected {expected}, got \"{value}\"";
        }

        return message;
    }

    private static int IndexOf(IReadOnlyList<string> args, string value)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == value) return i;
        }

        return -1;
    }

    private static void Write(string line, string? command, CommandCatalog catalog)
    {
        Console.Error.WriteLine(line);
        if (command is not null) Console.Error.WriteLine($"usage: {catalog.Usage(command)}");
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].TrimEnd('\r');

    [GeneratedRegex("^Unknown command '([^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownCommand();

    [GeneratedRegex("^Unknown option '([^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownOption();

    [GeneratedRegex("^Unexpected option '([^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex UnexpectedOption();

    [GeneratedRegex("^Command '([^']*)' is missing required argument '([^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex MissingArgument();

    [GeneratedRegex("^Failed to convert '(.*)' to (\\S+)$", RegexOptions.CultureInvariant)]
    private static partial Regex NotConvertible();
}
