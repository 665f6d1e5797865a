namespace Foremast.Core.Validation;

public enum Severity
{
    /// <summary>Information that needs no action (a Foremast template this engine does not use). Below Warning, so the existing values keep their numbers.</summary>
    Note = -1,
    Warning,
    Error,
}

/// <summary>One problem in one file, printed as <c>file: json.path: message</c>.</summary>
/// <param name="File">The file name as the user knows it (relative to the runway directory or as given).</param>
/// <param name="Path">JSON path such as <c>$.asg.min_inst</c>, or <c>line:column</c> for unreadable JSON.</param>
public sealed record Diagnostic(Severity Severity, string File, string Path, string Message)
{
    public static Diagnostic Error(string file, string path, string message) => new(Severity.Error, file, path, message);

    public static Diagnostic Warning(string file, string path, string message) => new(Severity.Warning, file, path, message);

    public static Diagnostic Note(string file, string path, string message) => new(Severity.Note, file, path, message);

    public override string ToString() => Severity switch
    {
        Severity.Warning => $"{File}: {Path}: warning: {Message}",
        Severity.Note => $"{File}: {Path}: note: {Message}",
        _ => $"{File}: {Path}: {Message}",
    };
}
