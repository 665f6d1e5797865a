using System.Text;

namespace Foremast.Api;

/// <summary>
/// A host-neutral HTTP request: the Functions app and the local engine both translate their own request type into this,
/// so every route behaves the same on both. The body stays raw bytes because webhook signatures are computed over them.
/// </summary>
/// <param name="RemoteAddress">The peer address of the connection as the host gives it (a proxy's, behind one); null when the host has none.</param>
public sealed record ApiRequest(
    string Method,
    IReadOnlyDictionary<string, string> RouteValues,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    string? ContentType,
    string? RemoteAddress = null)
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    /// <summary>Builds a request; header names are matched case-insensitively, as HTTP requires.</summary>
    public static ApiRequest Create(
        string method,
        IEnumerable<KeyValuePair<string, string>>? routeValues = null,
        IEnumerable<KeyValuePair<string, string>>? query = null,
        IEnumerable<KeyValuePair<string, string>>? headers = null,
        byte[]? body = null,
        string? contentType = null,
        string? remoteAddress = null) =>
        new(method.ToUpperInvariant(), Collect(routeValues, StringComparer.Ordinal), Collect(query, StringComparer.Ordinal),
            Collect(headers, StringComparer.OrdinalIgnoreCase), body ?? [], contentType, remoteAddress);

    /// <summary>A repeated name keeps its last value instead of failing: hosts differ in how they fold duplicates.</summary>
    private static IReadOnlyDictionary<string, string> Collect(IEnumerable<KeyValuePair<string, string>>? pairs, StringComparer comparer)
    {
        if (pairs is null) return None;
        var result = new Dictionary<string, string>(comparer);
        foreach (var (key, value) in pairs) result[key] = value;
        return result;
    }

    public string? Header(string name) =>
        Headers.TryGetValue(name, out var value) ? value : Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public string? Route(string name) => RouteValues.TryGetValue(name, out var value) ? value : null;

    public string? QueryValue(string name) => Query.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public string BodyText => Encoding.UTF8.GetString(Body);

    public bool IsForm => MediaType is "application/x-www-form-urlencoded";

    public bool IsJson => MediaType is { } m && (m == "application/json" || m.EndsWith("+json", StringComparison.Ordinal));

    private string? MediaType => ContentType?.Split(';')[0].Trim().ToLowerInvariant();
}
