using Foremast.Workflows.Activities.Interfaces;
using Foremast.Api;
using Foremast.Api.Approvals;

namespace Foremast.Workflows.Tests.Http;

public sealed class ApprovalTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly ApprovalClaims Claims = new("webshopacme-0123456789abcdef0123", "us-east-1", "prod", Now.AddHours(1).AddMilliseconds(123));
    private readonly ApprovalToken _tokens = new(ApiHost.SigningKey);

    [Fact]
    public void Token_round_trips_its_claims_and_is_url_safe()
    {
        var token = _tokens.Create(Claims);

        var check = _tokens.Verify(token, Now);

        Assert.Equal(TokenState.Valid, check.State);
        Assert.Equal(Claims, check.Claims);
        Assert.Matches("^[A-Za-z0-9_.-]+$", token);
        Assert.DoesNotContain(ApiHost.SigningKey, token, StringComparison.Ordinal);
    }

    [Fact]
    public void Token_is_invalid_when_its_payload_is_changed()
    {
        var token = _tokens.Create(Claims);
        var forged = _tokens.Create(Claims with { Region = "us-west-2" });
        var spliced = forged[..forged.IndexOf('.')] + token[token.IndexOf('.')..];

        Assert.Equal(TokenState.Invalid, _tokens.Verify(spliced, Now).State);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    public void Token_is_invalid_when_one_character_is_flipped(int position)
    {
        var token = _tokens.Create(Claims);
        var index = position < 0 ? token.Length + position : position;
        var flipped = token[..index] + (token[index] == 'A' ? 'B' : 'A') + token[(index + 1)..];

        Assert.Equal(TokenState.Invalid, _tokens.Verify(flipped, Now).State);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData("a.b.c")]
    [InlineData("!!!.???")]
    public void Malformed_token_is_invalid(string token) => Assert.Equal(TokenState.Invalid, _tokens.Verify(token, Now).State);

    [Fact]
    public void Token_signed_with_another_key_is_invalid()
    {
        var other = new ApprovalToken("another-approval-signing-key-0123456789");

        Assert.Equal(TokenState.Invalid, _tokens.Verify(other.Create(Claims), Now).State);
    }

    [Fact]
    public void Token_is_expired_at_its_expiry()
    {
        var token = _tokens.Create(Claims);

        Assert.Equal(TokenState.Expired, _tokens.Verify(token, Claims.ExpiresAt).State);
    }

    [Fact]
    public void Previous_key_still_verifies_after_rotation_but_no_longer_signs()
    {
        var old = new ApprovalToken("old-approval-signing-key-0123456789abcdef");
        var rotated = new ApprovalToken(ApiHost.SigningKey, ["old-approval-signing-key-0123456789abcdef"]);

        Assert.Equal(TokenState.Valid, rotated.Verify(old.Create(Claims), Now).State);
        Assert.Equal(TokenState.Invalid, old.Verify(rotated.Create(Claims), Now).State);
    }

    [Fact]
    public void Short_or_missing_signing_key_gives_no_token_issuer()
    {
        Assert.Throws<ArgumentException>(() => new ApprovalToken("short"));
        Assert.Null(ApprovalToken.FromOptions(new ApprovalOptions()));
        Assert.Null(ApprovalToken.FromOptions(new ApprovalOptions { SigningKey = "short" }));
    }

    [Fact]
    public void Link_builder_makes_approval_urls_on_the_public_base_url_that_expire_with_the_gate()
    {
        var options = new ForemastApiOptions { PublicBaseUrl = "https://foremast.example.com/", Approvals = { SigningKey = ApiHost.SigningKey } };
        var links = new LinkBuilder(options, ApprovalToken.FromOptions(options.Approvals));
        var notification = new RunNotification("checkpoint.waiting", Claims.RunId, "webshopacme", "us-east-1", "prod", "Checkpoint prod", "x:us-east-1", "approval:us-east-1:prod", Claims.ExpiresAt.UtcDateTime);

        var url = links.ApprovalUrl(notification);

        Assert.StartsWith("https://foremast.example.com/api/approvals/", url, StringComparison.Ordinal);
        Assert.DoesNotContain("code=", url, StringComparison.Ordinal);
        Assert.Equal(Claims, _tokens.Verify(url[(url.LastIndexOf('/') + 1)..], Now).Claims);
    }

    [Fact]
    public void Link_builder_refuses_to_make_approval_urls_without_a_signing_key()
    {
        var links = new LinkBuilder(new ForemastApiOptions(), null);

        Assert.Throws<InvalidOperationException>(() => links.ApprovalUrl(Claims));
    }
}
