using Foremast.Spinnaker.Gate;

namespace Foremast.Spinnaker.Tests.Gate;

public class GateErrorBodyTests
{
    [Theory]
    [InlineData("""{"status":400,"error":"Bad Request","message":"A pipeline with name x already exists"}""", "A pipeline with name x already exists")]
    [InlineData("""{"status":403,"error":"Access is denied"}""", "Access is denied")]
    [InlineData("""{"errors":["first","second"]}""", "first; second")]
    [InlineData("<html><body>502 Bad Gateway</body></html>", "<html><body>502 Bad Gateway</body></html>")]
    [InlineData("", null)]
    public void Gate_reason_is_taken_from_the_error_body(string body, string? expected)
    {
        Assert.Equal(expected, GateErrorBody.Message(body));
    }
}
