using Foremast.Core.Templates;

namespace Foremast.Spinnaker.Generator.Jinja;

/// <summary>
/// Lets the template store read a user's <c>.j2</c> overrides: it translates them with <see cref="JinjaTranslator"/>
/// and gives plain store contexts the <c>j2_*</c> functions the translation calls. Called by every entry point that
/// renders templates, so no render can read an override before this ran.
/// </summary>
internal static class JinjaSupport
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        TemplateStore.JinjaTranslator ??= JinjaTranslator.Translate;
        TemplateStore.JinjaFunctions ??= JinjaRuntime.Functions;
        return true;
    });

    public static void EnsureRegistered() => _ = Registered.Value;
}
