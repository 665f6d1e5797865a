using System.Text;
using System.Text.RegularExpressions;

namespace Foremast.Core.Validation.Spec;

/// <summary>
/// A shape a string must have. One regular expression serves both the validator and the JSON Schema
/// <c>pattern</c>, so the two cannot drift; it is kept to the ECMA-262 subset that editors understand.
/// </summary>
public sealed class StringFormat
{
    private const string Port = "(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[1-9][0-9]{0,3})";

    public static readonly IReadOnlyList<string> ListenerProtocols = ["HTTP", "HTTPS", "TCP", "SSL", "TLS", "UDP", "TCP_UDP"];

    /// <summary>AWS regions (us-east-1, us-gov-west-1) and GCP regions (us-central1, europe-west4), which cloudfunction envs use.</summary>
    public static readonly StringFormat Region = new(
        "region",
        "^(?:[a-z]{2}(?:-[a-z]+)+-[0-9]+|[a-z]+-[a-z]+[0-9]+)$",
        "a region name like \"us-east-1\"");

    /// <summary>ELB listener ends: Foremast upper-cases the protocol, so any case is accepted.</summary>
    public static readonly StringFormat Listener = new(
        "listener",
        $"^(?:{string.Join("|", ListenerProtocols.OrderByDescending(p => p.Length).Select(AnyCase))}):{Port}$",
        $"\"PROTO:PORT\" such as \"HTTP:8080\" (PROTO one of {string.Join(", ", ListenerProtocols)}; PORT 1-65535)");

    /// <summary>Health check target: only HTTP(S) checks carry a path (Foremast's splay_health).</summary>
    public static readonly StringFormat HealthTarget = new(
        "health-target",
        $"^(?:(?:{AnyCase("HTTPS")}|{AnyCase("HTTP")}):{Port}(?:/[^\\s]*)?|(?:{AnyCase("TCP")}|{AnyCase("SSL")}):{Port})$",
        "\"PROTO:PORT[/path]\" such as \"HTTP:8080/health\" or \"TCP:8080\" (a path only with HTTP or HTTPS; PORT 1-65535)");

    /// <summary>Numbers Foremast keeps as strings (lambda_memory "128"); the node's bounds apply to the parsed value.</summary>
    public static readonly StringFormat Digits = new(
        "digits",
        "^[0-9]{1,10}$",
        "a whole number");

    /// <summary>Env names become file names (application-master-{env}.json) and Spinnaker account names.</summary>
    public static readonly StringFormat EnvName = new(
        "env-name",
        "^[A-Za-z0-9][A-Za-z0-9_.-]*$",
        "an env name (letters, digits, '_', '.', '-')");

    public static readonly StringFormat Url = new(
        "url",
        "^https?://[^\\s]+$",
        "an http:// or https:// URL");

    private readonly Regex regex;

    private StringFormat(string name, string pattern, string expectation)
    {
        Name = name;
        Pattern = pattern;
        Expectation = expectation;
        // Interpreted, not RegexOptions.Compiled: compiling emits IL and JITs it when the type initializes, on every
        // `foremast` start (cold start, docs/performance.md), while validation matches only a few short strings.
        regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public string Name { get; }

    public string Pattern { get; }

    public string Expectation { get; }

    public bool IsMatch(string value) => regex.IsMatch(value);

    /// <summary>"tcp" → "[Tt][Cc][Pp]": case-insensitive without inline flags, which JSON Schema's regex dialect lacks.</summary>
    public static string AnyCase(string word)
    {
        var builder = new StringBuilder(word.Length * 4);
        foreach (var c in word)
        {
            if (char.IsLetter(c)) builder.Append('[').Append(char.ToUpperInvariant(c)).Append(char.ToLowerInvariant(c)).Append(']');
            else builder.Append(Regex.Escape(c.ToString()));
        }

        return builder.ToString();
    }
}
