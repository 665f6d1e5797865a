using Foremast.Api;

namespace Foremast.Workflows.Tests.Http;

public sealed class ApiRequestTests
{
    [Fact]
    public void Headers_match_case_insensitively_and_a_repeated_name_keeps_its_last_value()
    {
        var request = ApiRequest.Create("post", headers: [new("X-GitHub-Event", "ping"), new("x-github-event", "push")], contentType: "application/json; charset=utf-8");

        Assert.Equal(("POST", "push"), (request.Method, request.Header("X-GITHUB-EVENT")));
        Assert.True(request.IsJson);
        Assert.False(request.IsForm);
    }

    [Fact]
    public void Empty_query_values_count_as_missing()
    {
        var request = ApiRequest.Create("GET", query: [new("app", ""), new("status", "Running")]);

        Assert.Equal((null, "Running"), (request.QueryValue("app"), request.QueryValue("status")));
    }
}
