using System.Net.Http.Headers;
using Foremast.Aws.Http;

namespace Foremast.Aws.Safety;

/// <summary>
/// Names the operation of a request and decides whether it mutates, from the request alone, so one rule covers the SDK clients
/// (EC2, S3, STS) and the hand-written ones: Query-protocol actions are read-only when they start with Describe, List or Get
/// (and STS, which only hands out credentials); REST calls (S3, Route53) are read-only when they are GET or HEAD.
/// </summary>
public static class AwsCallClassifier
{
    private static readonly string[] ReadPrefixes = ["Describe", "List", "Get"];

    public static async Task<AwsCall> ClassifyAsync(HttpRequestMessage request, string service, CancellationToken cancellationToken)
    {
        var action = await QueryActionAsync(request, cancellationToken).ConfigureAwait(false);
        if (action is not null)
        {
            var read = service == AwsService.Sts.Name || ReadPrefixes.Any(p => action.StartsWith(p, StringComparison.Ordinal));
            return new AwsCall(service, action, !read);
        }

        var method = request.Method;
        var isRead = method == HttpMethod.Get || method == HttpMethod.Head;
        var operation = request.Options.TryGetValue(AwsRequestOptions.Operation, out var named) ? named : $"{method.Method} {request.RequestUri?.AbsolutePath}";
        return new AwsCall(service, operation, !isRead);
    }

    /// <summary>The <c>Action</c> of a form-encoded POST (or of the query string), buffering the body so it can still be sent.</summary>
    private static async Task<string?> QueryActionAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri?.Query is { Length: > 1 } query && Find(query.TrimStart('?')) is { } fromQuery) return fromQuery;
        if (request.Content is null || !IsForm(request.Content.Headers.ContentType)) return null;
        await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        return Find(await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
    }

    private static bool IsForm(MediaTypeHeaderValue? type) =>
        string.Equals(type?.MediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private static string? Find(string form)
    {
        foreach (var pair in form.Split('&'))
        {
            var eq = pair.IndexOf('=');
            if (eq > 0 && pair.AsSpan(0, eq).SequenceEqual("Action")) return Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
        }

        return null;
    }
}
