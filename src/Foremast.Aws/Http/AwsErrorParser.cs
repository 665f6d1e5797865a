using System.Net;
using System.Xml;
using System.Xml.Linq;

namespace Foremast.Aws.Http;

/// <summary>Turns an AWS error body (Query <c>ErrorResponse</c>, REST-XML, EC2 <c>Response/Errors</c>) into code and message.</summary>
public static class AwsErrorParser
{
    public static (string Code, string Message) Parse(HttpStatusCode status, string body)
    {
        try
        {
            var root = XElement.Parse(body);
            var error = root.Name.LocalName == "Error" ? root : root.Find("Error");
            if (error is not null)
            {
                // moto's IAM errors carry both <Message> and <message>.
                var message = error.Value("Message") ?? error.Value("message") ?? "";
                return (error.Value("Code") ?? status.ToString(), message.Trim());
            }
        }
        catch (XmlException)
        {
            // Not XML (a proxy's HTML page, an empty 503): the status is all there is.
        }

        var text = body.Length > 200 ? body[..200] + "…" : body;
        return (((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), string.IsNullOrWhiteSpace(text) ? status.ToString() : text.Trim());
    }
}
