using System.Net;

namespace Foremast.Spinnaker.Gate;

/// <summary>Gate refused a request or could not be reached. The message carries Gate's own explanation.</summary>
public class GateException : Exception
{
    public GateException(string message, HttpStatusCode? statusCode = null, string? method = null, string? path = null, string? gateMessage = null, Exception? inner = null)
        : base(message, inner)
    {
        StatusCode = statusCode;
        Method = method;
        Path = path;
        GateMessage = gateMessage;
    }

    /// <summary>Null when no response arrived (connection, TLS or timeout failure).</summary>
    public HttpStatusCode? StatusCode { get; }

    public string? Method { get; }

    public string? Path { get; }

    /// <summary>Gate's <c>message</c> (or <c>error</c>) text from the response body.</summary>
    public string? GateMessage { get; }

    public static GateException FromResponse(HttpMethod method, string path, HttpStatusCode status, string? gateMessage)
    {
        var detail = string.IsNullOrWhiteSpace(gateMessage) ? "" : $": {gateMessage}";
        return new GateException($"Gate {method} {path} failed with {(int)status} {status}{detail}", status, method.Method, path, gateMessage);
    }
}
