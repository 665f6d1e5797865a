using System.Text;
using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace Foremast.Aws.Tests.Support;

/// <summary>
/// ACM certificates in moto. moto checks that an HTTPS listener's ACM certificate exists (<c>CertificateNotFound</c>), and an
/// ACM ARN cannot be chosen, so a test requests one and puts the ARN it gets into its config.
/// </summary>
public static class CertificateSeed
{
    public static async Task<string> RequestAsync(string endpoint, string region, string domain)
    {
        MotoServer.EnsureTestCredentials();
        var credentials = new BasicAWSCredentials("test", "test");
        using var http = new HttpClient(new SigV4SigningHandler(credentials, RegionEndpoint.GetBySystemName(region), "acm", new HttpClientHandler())) { BaseAddress = new Uri(endpoint) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { DomainName = domain }), Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        request.Headers.Add("X-Amz-Target", "CertificateManager.RequestCertificate");
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(body).RootElement.GetProperty("CertificateArn").GetString()!;
    }
}
