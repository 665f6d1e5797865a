using Foremast.Hosting.Dashboard;
using Foremast.Hosting.Http;
using System.Text;
using Foremast.Functions.Http;
using Foremast.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Foremast.Functions.Tests;

public sealed class HttpAdapterTests
{
    [Fact]
    public async Task Request_reader_keeps_the_raw_body_route_values_query_and_headers()
    {
        var body = Encoding.UTF8.GetBytes("""{"ref":"refs/heads/main"}""");
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.ContentType = "application/json";
        http.Request.Body = new MemoryStream(body);
        http.Request.Headers["X-Hub-Signature-256"] = "sha256=abc";
        http.Request.QueryString = new QueryString("?app=webshop");
        http.Request.RouteValues["id"] = "run-1";

        var request = (await ApiRequestReader.ReadAsync(http.Request, CancellationToken.None))!;

        Assert.Equal(body, request.Body);
        Assert.Equal(("POST", "run-1", "webshop", "sha256=abc"), (request.Method, request.Route("id"), request.QueryValue("app"), request.Header("x-hub-signature-256")));
        Assert.True(request.IsJson);
    }

    [Fact]
    public async Task Request_reader_gives_the_connection_s_peer_address_as_ipv4_when_it_came_mapped_to_ipv6()
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("::ffff:203.0.113.5");

        var request = (await ApiRequestReader.ReadAsync(http.Request, CancellationToken.None))!;

        Assert.Equal("203.0.113.5", request.RemoteAddress);
    }

    [Fact]
    public async Task Request_reader_refuses_a_body_over_the_limit()
    {
        var http = new DefaultHttpContext();
        http.Request.Body = new MemoryStream(new byte[ApiRequestReader.MaxBodyBytes + 1]);

        Assert.Null(await ApiRequestReader.ReadAsync(http.Request, CancellationToken.None));
    }

    [Fact]
    public async Task Result_writes_status_content_type_headers_and_body_unchanged()
    {
        var response = ApiResponse.Json(202, new { runId = "run-1" }, new Dictionary<string, string> { ["Location"] = "/api/runs/run-1" });
        var http = new DefaultHttpContext();
        http.Response.Body = new MemoryStream();

        await new ApiResult(response).ExecuteResultAsync(new ActionContext(http, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));

        Assert.Equal((202, ApiResponse.JsonType, "/api/runs/run-1"), (http.Response.StatusCode, http.Response.ContentType, http.Response.Headers.Location.ToString()));
        Assert.Equal(response.Body, ((MemoryStream)http.Response.Body).ToArray());
    }

    [Theory]
    [InlineData(null, null, 200, "text/html")]
    [InlineData("dashboard", "app.js", 200, "text/javascript")]
    [InlineData("dashboard", "app.css", 200, "text/css")]
    [InlineData(null, "host.json", 404, "application/json")]
    [InlineData("dashboard", "..", 404, "application/json")]
    public async Task Dashboard_function_serves_only_its_own_files(string? folder, string? file, int status, string mediaType)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "GET";
        if (folder is not null) http.Request.RouteValues["folder"] = folder;
        if (file is not null) http.Request.RouteValues["file"] = file;
        http.Response.Body = new MemoryStream();

        var result = new DashboardFunctions().Dashboard(http.Request);
        await result.ExecuteResultAsync(new ActionContext(http, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));

        Assert.Equal(status, http.Response.StatusCode);
        Assert.StartsWith(mediaType, http.Response.ContentType);
        // Served files carry the dashboard's policy (own origin only, no framing); a 404 is the API's plain JSON error.
        Assert.Equal(status == 200 ? DashboardAssets.ContentSecurityPolicy : "", http.Response.Headers.ContentSecurityPolicy.ToString());
    }
}
