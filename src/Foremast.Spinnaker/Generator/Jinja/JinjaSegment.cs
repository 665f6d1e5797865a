namespace Foremast.Spinnaker.Generator.Jinja;

internal enum JinjaSegmentKind
{
    Text,
    Output,
    Statement,
    Comment,
}

/// <summary>
/// One piece of a Jinja source: text, <c>{{ }}</c>, <c>{% %}</c> or <c>{# #}</c>. <see cref="Newlines"/> counts the
/// line breaks the segment hides (inside the tag, or trimmed from neighbouring text by <c>-</c>), so the translation
/// can keep them inside the Scriban code block and Scriban's line numbers stay those of the Jinja file.
/// </summary>
internal sealed class JinjaSegment(JinjaSegmentKind kind, string content, int line, bool trimBefore, bool trimAfter)
{
    public JinjaSegmentKind Kind { get; } = kind;

    public string Content { get; set; } = content;

    public int Line { get; } = line;

    public bool TrimBefore { get; } = trimBefore;

    public bool TrimAfter { get; } = trimAfter;

    public int Newlines { get; set; }
}
