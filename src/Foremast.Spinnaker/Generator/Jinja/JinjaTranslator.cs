
namespace Foremast.Spinnaker.Generator.Jinja;

/// <summary>
/// Translates the Jinja subset Foremast's manual pipeline templates use into Scriban text that renders the same output
/// in a <see cref="JsonTemplateContext"/> with <see cref="JinjaRuntime.Functions"/>. Text is copied verbatim and the
/// line structure is kept, so Scriban's runtime errors point at the Jinja file's lines. Anything outside the subset
/// throws <see cref="JinjaTemplateException"/> naming the file and line: a template is translated faithfully or not at all.
/// </summary>
public static class JinjaTranslator
{
    public static string Translate(string file, string source) => new JinjaTranslation(file, JinjaLexer.Split(file, source)).Run();
}
