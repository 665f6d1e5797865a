using System.Globalization;

namespace Foremast.Aws.LoadBalancers.Desired;

/// <summary>One end of a listener, <c>PROTO:PORT</c> as the config writes it (protocol upper-cased, as Foremast did).</summary>
public sealed record ListenerEnd(string Protocol, int Port)
{
    /// <exception cref="FormatException">Not <c>PROTO:PORT</c> (the validator rejects such files first).</exception>
    public static ListenerEnd Parse(string text, string path)
    {
        var parts = text.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            throw new FormatException($"{path}: expected \"PROTO:PORT\" such as \"HTTP:8080\", got \"{text}\"");
        }

        return new ListenerEnd(parts[0].Trim().ToUpperInvariant(), port);
    }

    public override string ToString() => $"{Protocol}:{Port}";
}
