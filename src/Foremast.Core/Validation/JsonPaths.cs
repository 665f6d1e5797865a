namespace Foremast.Core.Validation;

/// <summary>Builds the JSON paths printed in diagnostics: <c>$.regions.us-west-2.asg.max_inst</c>, <c>$.elb.ports[1]</c>.</summary>
public static class JsonPaths
{
    public static string Child(string parent, string key) =>
        IsPlain(key) ? string.Concat(parent, ".", key) : string.Concat(parent, "['", key.Replace("'", "\\'", StringComparison.Ordinal), "']");

    public static string Index(string parent, int index) => string.Concat(parent, "[", index.ToString(System.Globalization.CultureInfo.InvariantCulture), "]");

    // Keys such as "us-west-2" and "$self" read fine unquoted; CIDRs ("10.0.0.0/8") and spaces need brackets.
    private static bool IsPlain(string key)
    {
        if (key.Length == 0) return false;
        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$')) return false;
        }

        return true;
    }
}
