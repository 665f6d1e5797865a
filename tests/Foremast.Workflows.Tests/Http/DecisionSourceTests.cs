using Foremast.Api;
using Foremast.Api.Approvals;

namespace Foremast.Workflows.Tests.Http;

public sealed class DecisionSourceTests
{
    [Fact]
    public void Without_trusted_proxies_the_peer_address_is_the_source_and_x_forwarded_for_is_only_a_claim()
    {
        var request = Request("198.51.100.7", "10.9.9.9, 192.0.2.1");

        Assert.Equal(new DecisionSource("198.51.100.7", "10.9.9.9, 192.0.2.1"), DecisionSource.Of(request, trustedProxies: 0));
        Assert.Equal(new DecisionSource("198.51.100.7", null), DecisionSource.Of(Request("198.51.100.7", null), trustedProxies: 0));
    }

    [Fact]
    public void Behind_one_trusted_proxy_the_entry_it_appended_is_the_source_and_what_the_client_sent_before_it_stays_a_claim()
    {
        // App Service's front end appends "client:port"; a client can put anything in front of it.
        var request = Request("169.254.0.3", "1.2.3.4, 203.0.113.7:51234");

        Assert.Equal(new DecisionSource("203.0.113.7", "1.2.3.4"), DecisionSource.Of(request, trustedProxies: 1));
        Assert.Equal(new DecisionSource("2001:db8::1", null), DecisionSource.Of(Request("169.254.0.3", "[2001:db8::1]:443"), trustedProxies: 1));
        Assert.Equal(new DecisionSource("2001:db8::2", null), DecisionSource.Of(Request("169.254.0.3", "2001:db8::2"), trustedProxies: 1));
    }

    [Fact]
    public void A_request_that_did_not_pass_the_trusted_proxies_falls_back_to_its_peer_address()
    {
        Assert.Equal(new DecisionSource("169.254.0.3", null), DecisionSource.Of(Request("169.254.0.3", null), trustedProxies: 1));
        Assert.Equal(new DecisionSource("169.254.0.3", "203.0.113.7"), DecisionSource.Of(Request("169.254.0.3", "203.0.113.7"), trustedProxies: 2));
    }

    private static ApiRequest Request(string peer, string? forwardedFor) =>
        ApiRequest.Create("POST", headers: forwardedFor is null ? null : [new("X-Forwarded-For", forwardedFor)], remoteAddress: peer);
}
