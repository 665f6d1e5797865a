using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Core.Json;

namespace Foremast.Cli.Publish;

/// <summary>
/// The Gate bearer token from the config's <c>credentials.gate_authentication.github.token</c>. Secrets stay out of
/// the config snapshot, so this is read here, only when the command line and environment give none.
/// </summary>
public static class GateCredentials
{
    public static string? TokenFromConfig(string? configFile)
    {
        if (configFile is null) return null;

        // The loader has already reported an unreadable config; here it only means "no token".
        var root = ForemastSettingsLoader.ReadRoot(configFile, new List<Foremast.Core.Validation.Diagnostic>());
        try
        {
            var auth = root?["credentials"]?["gate_authentication"];

            // config.py and INI values may be Python-literal strings; accept those as Foremast did.
            if (auth is JsonValue v && v.TryGetValue<string>(out var literal) && PythonLiteral.TryParse(literal, out var parsed)) auth = parsed;
            return auth?["github"]?["token"] is JsonValue token && token.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
        }
        catch (InvalidOperationException)
        {
            return null; // a section that is not an object: no token here
        }
    }
}
