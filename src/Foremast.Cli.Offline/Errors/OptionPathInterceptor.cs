using System.Reflection;
using Spectre.Console.Cli;

namespace Foremast.Cli.Errors;

/// <summary>
/// Checks every option and argument that names a path before a command runs: a <c>DIR</c> value must not be a
/// file and a <c>FILE</c> (or <c>PEM</c>) value must not be a directory. Read from the option templates, so new
/// commands get the check by declaring <c>--x &lt;DIR&gt;</c> or <c>--y &lt;FILE&gt;</c>.
/// </summary>
public sealed class OptionPathInterceptor(CommandCatalog catalog) : ICommandInterceptor
{
    public void Intercept(CommandContext context, CommandSettings settings)
    {
        // "foremast validate all" was Foremast's Gate check; say so rather than "runway directory all not found".
        // Spectre matched a command, so the line names it.
        var command = CommandCatalog.Named(context.Arguments.ToList());
        if (command == "validate" && ForemastCommandHints.For(context.Arguments.ToList(), catalog) is { } hint) throw new UsageException(hint);

        foreach (var property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // Only bound options and arguments: other properties may be computed (and announce themselves) when read.
            if (property.GetCustomAttribute<CommandOptionAttribute>() is null && property.GetCustomAttribute<CommandArgumentAttribute>() is null) continue;
            if (property.GetValue(settings) is not string { Length: > 0 } value) continue;
            string? kind = null;
            string display;
            if (property.GetCustomAttribute<CommandOptionAttribute>() is { } option)
            {
                kind = option.ValueName;
                display = $"--{option.LongNames.FirstOrDefault() ?? option.ShortNames.FirstOrDefault()}";
            }
            else if (property.GetCustomAttribute<CommandArgumentAttribute>() is { } argument)
            {
                kind = argument.ValueName.EndsWith("-dir", StringComparison.Ordinal) ? "DIR" : null;
                display = $"<{argument.ValueName}>";
            }
            else
            {
                continue;
            }

            if (kind == "DIR" && File.Exists(value)) throw new UsageException($"{display} {value}: expected a directory, got a file", command);
            if (kind is "FILE" or "PEM" && Directory.Exists(value)) throw new UsageException($"{display} {value}: expected a file, got a directory", command);
        }
    }
}
