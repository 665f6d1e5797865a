using System.Text;
using System.Text.Json;
using Foremast.Api;

namespace Foremast.Workflows.Tests.Http;

/// <summary>Builds <see cref="ApiRequest"/>s the way a host would from an incoming HTTP request.</summary>
public static class Requests
{
    public static ApiRequest Json(string method, object body, Dictionary<string, string>? route = null, Dictionary<string, string>? headers = null) =>
        ApiRequest.Create(method, route, null, headers, JsonSerializer.SerializeToUtf8Bytes(body), "application/json");

    public static ApiRequest Raw(string method, byte[] body, string contentType, Dictionary<string, string>? route = null, Dictionary<string, string>? headers = null) =>
        ApiRequest.Create(method, route, null, headers, body, contentType);

    public static ApiRequest Form(string method, string form, Dictionary<string, string>? route = null, Dictionary<string, string>? headers = null) =>
        ApiRequest.Create(method, route, null, headers, Encoding.UTF8.GetBytes(form), "application/x-www-form-urlencoded");

    public static ApiRequest Get(Dictionary<string, string>? route = null, Dictionary<string, string>? query = null) =>
        ApiRequest.Create("GET", route, query);

    public static Dictionary<string, string> Id(string runId) => new() { ["id"] = runId };

    public static Dictionary<string, string> Token(string token) => new() { ["token"] = token };

    public static object StartExamples(bool dryRun = true, string version = "1.4.2", string? runway = null) => new
    {
        project = "acme",
        repo = "webshop",
        source = new { path = runway ?? ApiHost.ExamplesRunway },
        artifact = new { version, url = $"https://artifacts.example.com/webshop-{version}.rpm" },
        dryRun,
    };
}
