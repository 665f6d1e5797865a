using System.Reflection;
using Spectre.Console.Cli;

namespace Foremast.Cli.Errors;

/// <summary>
/// The commands and options an app offers, read from its command types, so the did-you-mean, the usage line and the
/// completion script stay right as commands are added without a list to keep in step.
/// </summary>
public sealed class CommandCatalog(IReadOnlyList<CliCommand> commands)
{
    /// <summary>The commands as the app registers them, in the order help lists them.</summary>
    public IReadOnlyList<CliCommand> Registered => commands;

    /// <summary>Command groups (<c>foremast pipeline app</c>): the first word of a two-word command, and its class name prefix.</summary>
    public static IReadOnlySet<string> Branches { get; } = new HashSet<string>(StringComparer.Ordinal) { "pipeline" };

    /// <summary>Command name ("validate", "pipeline app") → settings type, from each Command&lt;T&gt; / AsyncCommand&lt;T&gt; named <c>XCommand</c>.</summary>
    public IReadOnlyDictionary<string, Type> Commands => _commands.Value;

    // Read on error paths and for completion only: a successful validate/plan/generate must not pay for reflecting over
    // every command's settings (cold start).
    private readonly Lazy<IReadOnlyDictionary<string, Type>> _commands = new(() => commands.SelectMany(c => c.Types)
        .ToDictionary(t => NameOf(t.Name[..^"Command".Length]), t => SettingsOf(t) ?? throw new InvalidOperationException($"{t.Name} is not a Command<T>"), StringComparer.Ordinal));

    /// <summary>The first words a command line may start with.</summary>
    public IEnumerable<string> TopLevel => Commands.Keys.Select(k => k.Split(' ')[0]).Distinct().Order(StringComparer.Ordinal);

    /// <summary>The command a command line names ("pipeline app" for <c>pipeline app dir</c>), or null.</summary>
    public string? KeyOf(IReadOnlyList<string> args)
    {
        if (args.Count == 0) return null;
        var key = args.Count > 1 && Branches.Contains(args[0]) ? $"{args[0]} {args[1]}" : args[0];
        return Commands.ContainsKey(key) ? key : null;
    }

    /// <summary>The command a command line that parsed names ("pipeline app" for <c>pipeline app dir</c>), without reading <see cref="Commands"/>.</summary>
    public static string? Named(IReadOnlyList<string> args) =>
        args.Count == 0 ? null : args.Count > 1 && Branches.Contains(args[0]) ? $"{args[0]} {args[1]}" : args[0];

    private static string NameOf(string stem)
    {
        foreach (var branch in Branches)
        {
            var prefix = char.ToUpperInvariant(branch[0]) + branch[1..];
            if (stem.Length > prefix.Length && stem.StartsWith(prefix, StringComparison.Ordinal)) return $"{branch} {stem[prefix.Length..].ToLowerInvariant()}";
        }

        return stem.ToLowerInvariant();
    }

    public static IEnumerable<string> LongOptions(Type settings) =>
        Members(settings).Select(p => p.GetCustomAttribute<CommandOptionAttribute>()).OfType<CommandOptionAttribute>()
            .SelectMany(o => o.LongNames.Select(n => "--" + n)).Append("--help");

    /// <summary>"foremast generate &lt;runway-dir&gt; [OPTIONS]".</summary>
    public string Usage(string command)
    {
        if (!Commands.TryGetValue(command, out var settings)) return "foremast <COMMAND> [OPTIONS] (foremast --help lists the commands)";
        var arguments = Members(settings).Select(p => p.GetCustomAttribute<CommandArgumentAttribute>()).OfType<CommandArgumentAttribute>()
            .OrderBy(a => a.Position).Select(a => a.IsRequired ? $"<{a.ValueName}>" : $"[{a.ValueName}]");
        return string.Join(" ", new[] { "foremast", command }.Concat(arguments).Append("[OPTIONS]")) + $" (foremast {command} --help for the options)";
    }

    private static IEnumerable<PropertyInfo> Members(Type settings) => settings.GetProperties(BindingFlags.Public | BindingFlags.Instance);

    private static Type? SettingsOf(Type command)
    {
        for (var t = command.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() is var d && (d == typeof(Command<>) || d == typeof(AsyncCommand<>))) return t.GetGenericArguments()[0];
        }

        return null;
    }
}
