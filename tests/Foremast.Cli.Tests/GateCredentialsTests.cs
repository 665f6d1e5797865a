using Foremast.Cli.Publish;

namespace Foremast.Cli.Tests;

public sealed class GateCredentialsTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    public void Dispose() => File.Delete(_file);

    [Theory]
    [InlineData("""{"credentials": {"gate_authentication": {"github": {"token": "gh-123"}}}}""", "gh-123")]
    [InlineData("""{"credentials": {"gate_authentication": "{'github': {'token': 'gh-456'}}"}}""", "gh-456")]
    [InlineData("""{"credentials": {"gate_authentication": {"google_iap": {"oauth_client_id": "x"}}}}""", null)]
    [InlineData("""{"base": {}}""", null)]
    [InlineData("""{"credentials": "nonsense"}""", null)]
    public void Token_is_read_from_the_github_gate_authentication(string config, string? expected)
    {
        File.WriteAllText(_file, config);

        Assert.Equal(expected, GateCredentials.TokenFromConfig(_file));
    }
}
