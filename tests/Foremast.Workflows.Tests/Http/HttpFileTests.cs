using System.Text.RegularExpressions;
using Foremast.Api;
using Foremast.Tests.Shared;

namespace Foremast.Workflows.Tests.Http;

/// <summary>
/// docs/foremast.http and the curl examples of docs/http-api.md against the route table: a request that reaches no
/// route, or a route that no request exercises, fails here instead of rotting in the docs.
/// </summary>
public sealed partial class HttpFileTests
{
    private static readonly string HttpFile = Path.Combine(Fixtures.Root, "docs", "foremast.http");

    private static readonly string ApiDoc = Path.Combine(Fixtures.Root, "docs", "http-api.md");

    [Fact]
    public void Every_request_of_the_http_file_reaches_a_route_and_every_route_has_one()
    {
        var requests = HttpFileRequests();

        Assert.All(requests, r => Assert.True(r.Route() is not null, $"{r} reaches no route of ApiRoutes"));
        var missing = DocumentedRequest.Documented.Where(route => !requests.Any(r => r.Route() == route)).Select(r => $"{r.Method} /api/{r.Template}");
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_curl_example_of_the_api_doc_reaches_a_route_and_every_route_has_one()
    {
        var requests = CurlExamples();

        Assert.All(requests, r => Assert.True(r.Route() is not null, $"{r} reaches no route of ApiRoutes"));
        var missing = DocumentedRequest.Documented.Where(route => !requests.Any(r => r.Route() == route)).Select(r => $"{r.Method} /api/{r.Template}");
        Assert.Empty(missing);
    }

    [Fact]
    public void Http_file_requests_name_their_host_through_the_base_variable()
    {
        var lines = File.ReadAllLines(HttpFile);

        Assert.Contains("@base = http://127.0.0.1:7071", lines);
        Assert.All(RequestLines(lines), line => Assert.Matches(RequestLine(), line.Text));
    }

    [Theory]
    [InlineData("POST", "runs/webshopacme-1/rerun", "RerunRun")]
    [InlineData("POST", "runs/{{runId}}/cancel", "CancelRun")]
    [InlineData("GET", "runs", "ListRuns")]
    [InlineData("GET", "health", "Health")]
    [InlineData("POST", "runs/x/retry", null)]
    [InlineData("DELETE", "runs/x", null)]
    public void A_documented_request_reaches_the_route_of_its_method_and_path_only(string method, string path, string? route) =>
        Assert.Equal(route, new DocumentedRequest(method, path, "test").Route()?.Name);

    /// <summary>Blocks are separated by <c>###</c> lines; a block's first line that is not a comment or a variable is its request line.</summary>
    private static List<DocumentedRequest> HttpFileRequests() =>
        RequestLines(File.ReadAllLines(HttpFile)).Select(line =>
        {
            var m = RequestLine().Match(line.Text);
            Assert.True(m.Success, $"foremast.http:{line.Number}: not METHOD {{{{base}}}}/api/PATH: {line.Text}");
            return new DocumentedRequest(m.Groups["method"].Value, m.Groups["path"].Value, $"foremast.http:{line.Number}");
        }).ToList();

    private static IEnumerable<(int Number, string Text)> RequestLines(string[] lines)
    {
        var inBlock = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            if (text.StartsWith("###", StringComparison.Ordinal))
            {
                inBlock = true;
                continue;
            }

            if (!inBlock || text.Length == 0 || text.StartsWith('#') || text.StartsWith("//", StringComparison.Ordinal) || text.StartsWith('@')) continue;
            yield return (i + 1, text);
            inBlock = false;
        }
    }

    private static List<DocumentedRequest> CurlExamples()
    {
        var lines = File.ReadAllLines(ApiDoc);
        var requests = new List<DocumentedRequest>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (CurlCall().Match(lines[i]) is not { Success: true } m) continue;
            var method = m.Groups["method"].Success ? m.Groups["method"].Value : lines[i].Contains(" -d ", StringComparison.Ordinal) ? "POST" : "GET";
            requests.Add(new DocumentedRequest(method, m.Groups["path"].Value, $"http-api.md:{i + 1}"));
        }

        return requests;
    }

    [GeneratedRegex(@"^(?<method>GET|POST|PUT|PATCH|DELETE) \{\{base\}\}/api/(?<path>[^?\s]+)(\?\S*)?( HTTP/\d(\.\d)?)?$")]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"curl\b.*?(-X (?<method>[A-Z]+) .*?)?""\$FOREMAST/api/(?<path>[^?""\s]+)")]
    private static partial Regex CurlCall();
}
