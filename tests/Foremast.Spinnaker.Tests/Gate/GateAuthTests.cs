using System.Net;
using Foremast.Spinnaker.Gate;

namespace Foremast.Spinnaker.Tests.Gate;

public sealed class GateAuthTests
{
    [Fact]
    public async Task Bearer_token_is_sent_on_every_request()
    {
        await using var gate = await FakeGate.StartAsync(new FakeGateOptions(RequiredToken: "s3cret"));
        using var client = GateTestOptions.Client(gate, o => o with { BearerToken = "s3cret" });

        await client.GetPipelineConfigsAsync("app");
        await client.GetApplicationAsync("app");

        Assert.All(gate.Requests, r => Assert.Equal("Bearer s3cret", r.Header("Authorization")));
    }

    [Fact]
    public async Task Missing_token_is_refused_with_gate_message_and_not_retried()
    {
        await using var gate = await FakeGate.StartAsync(new FakeGateOptions(RequiredToken: "s3cret"));
        using var client = GateTestOptions.Client(gate);

        var error = await Assert.ThrowsAsync<GateException>(() => client.GetPipelineConfigsAsync("app"));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("Full authentication is required", error.Message);
        Assert.Single(gate.Requests);
    }
}
