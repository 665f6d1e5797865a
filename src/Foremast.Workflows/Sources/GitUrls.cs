using System.Text.RegularExpressions;

namespace Foremast.Workflows.Sources;

/// <summary>Checks on repository URLs and commits before they reach <c>git</c>, and the form a URL is recorded in.</summary>
public static partial class GitUrls
{
    /// <summary>A URL that cannot be read as a git option and has no whitespace or control characters.</summary>
    public static bool IsAcceptable(string url) =>
        url.Length is > 0 and < 2048 && !url.StartsWith('-') && !url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    /// <summary>Abbreviated or full hex object names only, so a "commit" can never be an option or a revision expression.</summary>
    public static bool IsCommit(string commit) => CommitPattern().IsMatch(commit);

    /// <summary>The URL without user info: credentials in a clone URL must not reach the run record, status or errors.</summary>
    public static string Redact(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString().TrimEnd('/')
            : url;

    /// <summary>A comparable form: no scheme or user, host and path lowercased, no trailing <c>.git</c> or slash.</summary>
    public static string Normalize(string url)
    {
        var value = url.Trim().ToLowerInvariant();
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) value = value[(scheme + 3)..];
        var at = value.IndexOf('@');
        if (at >= 0 && at < value.IndexOfAny(['/', ':'], at) ) value = value[(at + 1)..];
        value = value.Replace(':', '/').TrimEnd('/');
        return value.EndsWith(".git", StringComparison.Ordinal) ? value[..^4] : value;
    }

    [GeneratedRegex("^[0-9a-fA-F]{7,64}$")]
    private static partial Regex CommitPattern();
}
