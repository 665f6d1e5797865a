using System.Security.Cryptography;

namespace Foremast.Local.Http;

/// <summary>
/// The signing key of a local engine with no configured <c>Foremast:Approvals:SigningKey</c>: generated once and kept
/// in a file, because a key that changed on every start would void the links of gates left open by a crash-restart.
/// </summary>
internal static class ApprovalKeyFile
{
    public static string DefaultPath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".foremast", "approval.key");

    /// <summary>Reads the key at <paramref name="path"/>, creating it (owner-only) when absent.</summary>
    public static string ReadOrCreate(string path)
    {
        if (TryRead(path) is { } existing) return existing;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(path, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(key);
            }

            return key;
        }
        catch (IOException) when (TryRead(path) is { } raced)
        {
            // Another engine created it first (CreateNew refuses to overwrite): everyone uses that one.
            return raced;
        }
    }

    private static string? TryRead(string path)
    {
        if (!File.Exists(path)) return null;
        var text = File.ReadAllText(path).Trim();
        return text.Length >= 32 ? text : null;
    }
}
