using System.Text.RegularExpressions;

namespace Foremast.Api.Health;

/// <summary>
/// Masks what must never reach an anonymous caller: the health route is open on the Functions app (a probe has no key),
/// and its reasons are other libraries' error messages. Storage SDK messages can carry connection string parts or SAS
/// signatures; AWS errors name ARNs, whose account id says which AWS account the engine deploys to.
/// </summary>
public static partial class SecretMask
{
    public const string Mask = "***";

    public static string Apply(string text)
    {
        text = KeyValueSecret().Replace(text, m => $"{m.Groups["name"].Value}={Mask}");
        text = AwsAccessKeyId().Replace(text, Mask);
        return AwsAccountId().Replace(text, Mask);
    }

    [GeneratedRegex(@"\b(?<name>AccountKey|SharedAccessSignature|SharedAccessKey|sig|Password|pwd|AccessKey|SecretAccessKey|SessionToken|token)=[^;&""\s\\]+", RegexOptions.IgnoreCase)]
    private static partial Regex KeyValueSecret();

    [GeneratedRegex(@"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b")]
    private static partial Regex AwsAccessKeyId();

    // Twelve digits on their own: an AWS account id, alone or inside an ARN (arn:aws:iam::123456789012:role/…).
    [GeneratedRegex(@"(?<![0-9])[0-9]{12}(?![0-9])")]
    private static partial Regex AwsAccountId();
}
