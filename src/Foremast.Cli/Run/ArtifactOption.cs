namespace Foremast.Cli.Run;

/// <summary><c>--artifact VERSION[=URL]</c>. Without a URL the package lives on a reserved <c>.invalid</c> host: fine for dry runs, which never fetch it.</summary>
public static class ArtifactOption
{
    public const string DefaultVersion = "0.0.0-local";

    public static (string Version, string Url) Parse(string? value, string repo)
    {
        var text = string.IsNullOrWhiteSpace(value) ? DefaultVersion : value.Trim();
        var split = text.IndexOf('=', StringComparison.Ordinal);
        var version = split < 0 ? text : text[..split];
        var url = split < 0 ? "" : text[(split + 1)..];
        if (version.Length == 0) throw new ArgumentException("--artifact: the version before '=' is empty");
        return (version, url.Length > 0 ? url : $"https://artifacts.invalid/{Uri.EscapeDataString(repo)}-{Uri.EscapeDataString(version)}.rpm");
    }
}
