using System.Security.Cryptography;
using System.Text;

namespace Foremast.Workflows.Sources;

/// <summary>SHA-256 over the runway files (name, text), the same recipe <c>RunwayLoader</c> uses for a directory.</summary>
internal static class RunwayHash
{
    public static string Of(IReadOnlyDictionary<string, string> texts)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, text) in texts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(name + "\n" + text + "\n"));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
