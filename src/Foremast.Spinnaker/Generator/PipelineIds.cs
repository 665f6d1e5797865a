using System.Security.Cryptography;
using System.Text;

namespace Foremast.Spinnaker.Generator;

/// <summary>Pipeline ids Foremast's manual templates can compute themselves.</summary>
public static class PipelineIds
{
    private static readonly Guid Namespace = Guid.Parse("098f0a30-180e-4aa4-b9bd-72d63fda3c18");

    /// <summary>
    /// Foremast's <c>generate_predictable_pipeline_id</c>: a UUID v5 (RFC 4122, SHA-1) in Foremast's namespace over
    /// <c>application + pipeline name</c>, so re-running a manual pipeline updates the same Spinnaker pipeline.
    /// </summary>
    public static string Predictable(string application, string pipelineName)
    {
        Span<byte> ns = stackalloc byte[16];
        Namespace.TryWriteBytes(ns, bigEndian: true, out _);
        var name = Encoding.UTF8.GetBytes(application + pipelineName);
        var input = new byte[16 + name.Length];
        ns.CopyTo(input);
        name.CopyTo(input, 16);
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true).ToString("D");
    }
}
