using Foremast.Core.Config;
using Foremast.Core.Validation;

namespace Foremast.Cli.Output;

/// <summary>Writes every problem to stderr, one per line, in <c>file: json.path: message</c> form.</summary>
public static class DiagnosticWriter
{
    public static int Report(LoadResult result, TextWriter error)
    {
        foreach (var diagnostic in result.Diagnostics.OrderByDescending(d => d.Severity)) error.WriteLine(diagnostic.ToString());
        if (result.IsValid) return ExitCodes.Ok;
        var count = result.Errors.Count();
        error.WriteLine($"{count} error{(count == 1 ? "" : "s")}");
        return ExitCodes.Invalid;
    }
}
