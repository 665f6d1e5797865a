using System.Xml.Linq;

namespace Foremast.Aws.Http;

/// <summary>
/// A Query-protocol API (ELB, ELBv2, AutoScaling, IAM, CloudWatch) over a signed <see cref="HttpClient"/>: POST the form to
/// <c>/</c>, return the <c>{Action}Result</c> element, or throw <see cref="AwsServiceException"/> with AWS's code and message.
/// Typed clients per service (Iam/IamClient.cs, …) are shaped after the SDK's and sit on top of this.
/// </summary>
public sealed class AwsQueryClient(HttpClient http, AwsService service)
{
    public AwsService Service { get; } = service;

    /// <returns>The <c>{action}Result</c> element, or an empty element for actions that answer with none.</returns>
    public async Task<XElement> CallAsync(string action, QueryParameters? parameters = null, CancellationToken cancellationToken = default)
    {
        var form = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", Service.Version!) };
        if (parameters is not null) form.AddRange(parameters);
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync("/", content, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var (code, message) = AwsErrorParser.Parse(response.StatusCode, body);
            throw new AwsServiceException(Service.Name, action, response.StatusCode, code, message);
        }

        if (string.IsNullOrWhiteSpace(body)) return new XElement(action + "Result");
        var root = XElement.Parse(body);
        return root.Child(action + "Result") ?? root;
    }
}
