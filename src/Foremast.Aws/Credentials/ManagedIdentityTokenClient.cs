using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Foremast.Aws.Credentials;

/// <summary>
/// The App Service / Functions managed identity endpoint (<c>IDENTITY_ENDPOINT</c> with <c>X-IDENTITY-HEADER</c>, api-version
/// 2019-08-01). Spoken directly rather than through Azure.Identity: it is one GET, and the same code then runs against a
/// local stand-in in tests.
/// </summary>
public sealed class ManagedIdentityTokenClient(Uri endpoint, string header, string? clientId, HttpClient http)
{
    private const string ApiVersion = "2019-08-01";

    /// <exception cref="AwsConfigurationException">The endpoint refused or answered something that is not a token.</exception>
    public async Task<ManagedIdentityToken> GetTokenAsync(string audience, CancellationToken cancellationToken)
    {
        var query = $"api-version={ApiVersion}&resource={Uri.EscapeDataString(audience)}"
            + (string.IsNullOrEmpty(clientId) ? "" : $"&client_id={Uri.EscapeDataString(clientId)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, new UriBuilder(endpoint) { Query = query }.Uri);
        request.Headers.Add("X-IDENTITY-HEADER", header);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new AwsConfigurationException($"Foremast:Aws:WebIdentity: managed identity endpoint {endpoint.GetLeftPart(UriPartial.Path)} unreachable: {e.Message}");
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new AwsConfigurationException(
                    $"Foremast:Aws:WebIdentity: managed identity endpoint refused a token for \"{audience}\": {(int)response.StatusCode} {Describe(body)}");
            }

            return Parse(body, audience);
        }
    }

    private static ManagedIdentityToken Parse(string body, string audience)
    {
        try
        {
            var answer = JsonSerializer.Deserialize<TokenAnswer>(body);
            if (answer?.access_token is { Length: > 0 } token)
            {
                var expires = answer.expires_on is { } e && long.TryParse(e.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
                    ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                    : DateTimeOffset.UtcNow.AddMinutes(5);
                return new ManagedIdentityToken(token, expires);
            }
        }
        catch (JsonException)
        {
            // Reported below as one line.
        }

        throw new AwsConfigurationException($"Foremast:Aws:WebIdentity: managed identity endpoint answered no access_token for \"{audience}\"");
    }

    /// <summary>The endpoint's error text without the token or anything long: its <c>error_description</c>/<c>message</c> when JSON.</summary>
    private static string Describe(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            foreach (var name in new[] { "error_description", "message", "error" })
            {
                if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                    return value.GetString()!;
            }
        }
        catch (JsonException)
        {
            // Not JSON: a short prefix of the text.
        }

        var oneLine = body.ReplaceLineEndings(" ").Trim();
        return oneLine.Length > 200 ? oneLine[..200] : oneLine;
    }

    // expires_on is a string of epoch seconds on App Service, a number on some other endpoints.
#pragma warning disable IDE1006, CA1812 // The endpoint's JSON names; created by the serializer.
    private sealed record TokenAnswer(string? access_token, JsonElement? expires_on);
#pragma warning restore IDE1006, CA1812
}
