using System.Text;
using System.Xml.Linq;

namespace Foremast.Aws.Http;

/// <summary>A REST-XML API (Route53) over a signed <see cref="HttpClient"/>: paths under the API version, XML bodies.</summary>
public sealed class AwsRestXmlClient(HttpClient http, AwsService service)
{
    public AwsService Service { get; } = service;

    /// <param name="operation">The SDK's operation name, for error messages and call counts.</param>
    /// <param name="path">Relative to <c>/{version}/</c>, e.g. <c>hostedzone/Z1/rrset</c>.</param>
    public async Task<XElement> SendAsync(string operation, HttpMethod method, string path, XElement? body = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, $"/{Service.Version}/{path}");
        if (body is not null)
        {
            request.Content = new StringContent(body.ToString(SaveOptions.DisableFormatting), Encoding.UTF8, "application/xml");
        }

        request.Options.Set(AwsRequestOptions.Operation, operation);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var (code, message) = AwsErrorParser.Parse(response.StatusCode, text);
            throw new AwsServiceException(Service.Name, operation, response.StatusCode, code, message);
        }

        return string.IsNullOrWhiteSpace(text) ? new XElement(operation + "Response") : XElement.Parse(text);
    }
}
