namespace Foremast.Spinnaker.Generator.Jinja;

/// <summary>A Jinja construct the translator cannot carry over faithfully; names the file and line so users can fix the template.</summary>
public sealed class JinjaTemplateException(string file, int line, string problem)
    : InvalidOperationException($"{file}:{line}: {problem}")
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public string Problem { get; } = problem;
}
