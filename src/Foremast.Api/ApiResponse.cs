using System.Text;
using System.Text.Json;

namespace Foremast.Api;

/// <summary>A host-neutral HTTP response; hosts copy status, content type, headers and body onto their own response.</summary>
public sealed record ApiResponse(int Status, string ContentType, byte[] Body, IReadOnlyDictionary<string, string> Headers)
{
    public const string JsonType = "application/json; charset=utf-8";

    public const string HtmlType = "text/html; charset=utf-8";

    public string BodyText => Encoding.UTF8.GetString(Body);

    public static ApiResponse Json(int status, object value, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, JsonType, JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), ApiJson.Options), headers ?? new Dictionary<string, string>());

    /// <summary>An error body: a message and, for invalid config, every diagnostic as <c>file: path: message</c>.</summary>
    public static ApiResponse Error(int status, string error, IReadOnlyList<string>? diagnostics = null) =>
        Json(status, new ErrorBody(error, diagnostics));

    /// <summary>HTML pages must not be framed or cached: they carry a one-gate capability in their URL.</summary>
    public static ApiResponse Html(int status, string html) =>
        new(status, HtmlType, Encoding.UTF8.GetBytes(html), new Dictionary<string, string>
        {
            ["Cache-Control"] = "no-store",
            ["X-Frame-Options"] = "DENY",
            ["Referrer-Policy"] = "no-referrer",
            ["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
        });

    public T? Read<T>() => JsonSerializer.Deserialize<T>(Body, ApiJson.Options);

    public JsonElement ReadJson() => JsonDocument.Parse(Body).RootElement.Clone();
}

public sealed record ErrorBody(string Error, IReadOnlyList<string>? Diagnostics = null);
