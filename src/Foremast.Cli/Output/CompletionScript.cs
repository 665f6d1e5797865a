using System.Text;
using Foremast.Cli.Errors;

namespace Foremast.Cli.Output;

/// <summary>
/// A bash (and, through bashcompinit, zsh) completion script for commands, <c>pipeline</c> subcommands and each
/// command's long options, generated from the command catalog: Spectre.Console.Cli 0.57.2 offers no completion itself.
/// Values complete as file names.
/// </summary>
public static class CompletionScript
{
    public static string Bash()
    {
        var catalog = ForemastApp.Catalog;
        var commands = catalog.Commands;
        var text = new StringBuilder();
        text.AppendLine("# foremast completion (bash): source <(foremast completion bash)");
        text.AppendLine("_foremast() {");
        text.AppendLine("  local cur=\"${COMP_WORDS[COMP_CWORD]}\" cmd=\"${COMP_WORDS[1]:-}\" opts=\"\"");
        text.AppendLine("  if [ \"$COMP_CWORD\" -eq 1 ]; then");
        text.AppendLine($"    COMPREPLY=($(compgen -W \"{string.Join(' ', catalog.TopLevel)} --help --version\" -- \"$cur\")); return");
        text.AppendLine("  fi");
        foreach (var branch in CommandCatalog.Branches.Order(StringComparer.Ordinal))
        {
            var subcommands = commands.Keys.Where(k => k.StartsWith(branch + " ", StringComparison.Ordinal)).Select(k => k[(branch.Length + 1)..]).Order(StringComparer.Ordinal);
            text.AppendLine($"  if [ \"$cmd\" = {branch} ]; then");
            text.AppendLine($"    if [ \"$COMP_CWORD\" -eq 2 ]; then COMPREPLY=($(compgen -W \"{string.Join(' ', subcommands)}\" -- \"$cur\")); return; fi");
            text.AppendLine("    cmd=\"$cmd ${COMP_WORDS[2]}\"");
            text.AppendLine("  fi");
        }

        text.AppendLine("  case \"$cmd\" in");
        foreach (var (name, settings) in commands.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"    \"{name}\") opts=\"{string.Join(' ', CommandCatalog.LongOptions(settings).Distinct().Order(StringComparer.Ordinal))}\" ;;");
        }

        text.AppendLine("  esac");
        text.AppendLine("  if [[ \"$cur\" == -* ]]; then COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\")); else COMPREPLY=($(compgen -f -- \"$cur\")); fi");
        text.AppendLine("}");
        text.AppendLine("complete -o filenames -F _foremast foremast");
        return text.ToString();
    }

    /// <summary>zsh runs the bash script through its bash completion emulation.</summary>
    public static string Zsh() =>
        "# foremast completion (zsh): source <(foremast completion zsh)\nautoload -U +X bashcompinit && bashcompinit\n" + Bash();
}
