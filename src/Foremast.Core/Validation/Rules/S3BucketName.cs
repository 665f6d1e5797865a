using System.Net;

namespace Foremast.Core.Validation.Rules;

/// <summary>AWS's bucket naming rules (general purpose buckets), checked before a deploy tries to create one.</summary>
public static class S3BucketName
{
    public const string Rules = "3-63 characters of lowercase letters, digits, '.' and '-', starting and ending with a letter or digit";

    public static string? Problem(string name)
    {
        if (name.Length is < 3 or > 63) return $"is {name.Length} characters";
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-'))
            {
                return c == '_' ? "contains an underscore" : char.IsAsciiLetterUpper(c) ? "contains an uppercase letter" : $"contains '{c}'";
            }
        }

        if (!char.IsAsciiLetterOrDigit(name[0]) || !char.IsAsciiLetterOrDigit(name[^1])) return "does not start and end with a letter or digit";
        if (name.Contains("..", StringComparison.Ordinal)) return "contains \"..\"";
        if (name.Split('.').Length == 4 && IPAddress.TryParse(name, out _)) return "is formatted as an IP address";
        if (name.StartsWith("xn--", StringComparison.Ordinal) || name.StartsWith("sthree-", StringComparison.Ordinal)) return "starts with a reserved prefix";
        if (name.EndsWith("-s3alias", StringComparison.Ordinal) || name.EndsWith("--ol-s3", StringComparison.Ordinal)) return "ends with a reserved suffix";
        return null;
    }
}
