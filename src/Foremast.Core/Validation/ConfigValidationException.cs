namespace Foremast.Core.Validation;

/// <summary>Thrown when a configuration cannot be loaded; carries every problem found, not just the first.</summary>
public sealed class ConfigValidationException(IReadOnlyList<Diagnostic> diagnostics)
    : Exception(string.Join(Environment.NewLine, diagnostics.Where(d => d.Severity == Severity.Error)))
{
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;
}
