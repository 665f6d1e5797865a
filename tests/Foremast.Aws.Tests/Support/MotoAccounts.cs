using System.Xml.Linq;
using Amazon.Runtime;
using Foremast.Aws.Credentials;

namespace Foremast.Aws.Tests.Support;

/// <summary>
/// One moto account per env, as production has one AWS account per env: moto tells accounts apart by the access key a
/// request is signed with, so each env gets an IAM access key created inside its account (moto's <c>x-moto-account-id</c>
/// header picks the account for that one call). The engine finds them as profiles named after the env, Foremast's convention.
/// </summary>
public sealed class MotoAccounts : ICredentialProfileSource
{
    private readonly Dictionary<string, BasicAWSCredentials> _keys = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> AccountIds { get; private init; } = new Dictionary<string, string>();

    public static async Task<MotoAccounts> CreateAsync(string endpoint, IReadOnlyDictionary<string, string> accountIds)
    {
        var accounts = new MotoAccounts { AccountIds = accountIds };
        using var http = new HttpClient { BaseAddress = new Uri(endpoint) };
        foreach (var (env, account) in accountIds)
        {
            // A user of its own per call: tests of one class share their moto, and may each create the same accounts.
            var user = $"foremast-{env}-{Guid.NewGuid():N}"[..40];
            await IamAsync(http, account, $"Action=CreateUser&UserName={user}&Version=2010-05-08");
            var key = await IamAsync(http, account, $"Action=CreateAccessKey&UserName={user}&Version=2010-05-08");
            var id = key.Descendants().First(e => e.Name.LocalName == "AccessKeyId").Value;
            var secret = key.Descendants().First(e => e.Name.LocalName == "SecretAccessKey").Value;
            accounts._keys[env] = new BasicAWSCredentials(id, secret);
        }

        return accounts;
    }

    public AWSCredentials For(string env) => _keys[env];

    /// <summary>
    /// A shared credentials file with a profile per env, for an engine in another process: it finds each env's key where
    /// Foremast looks first (the profile named after the env) when <c>AWS_SHARED_CREDENTIALS_FILE</c> names this file.
    /// </summary>
    public string CredentialsFile() => string.Join('\n', _keys.SelectMany(k => new[]
    {
        $"[{k.Key}]",
        $"aws_access_key_id = {k.Value.GetCredentials().AccessKey}",
        $"aws_secret_access_key = {k.Value.GetCredentials().SecretKey}",
    })) + "\n";

    public bool TryGetAWSCredentials(string profileName, out AWSCredentials credentials)
    {
        var found = _keys.TryGetValue(profileName, out var key);
        credentials = key!;
        return found;
    }

    private static async Task<XElement> IamAsync(HttpClient http, string account, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded") };
        // moto routes by the signing scope's service and does not check signatures; the header names the account.
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0");
        request.Headers.Add("x-moto-account-id", account);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"moto IAM {body} in {account}: {(int)response.StatusCode} {text}");
        return XElement.Parse(text);
    }
}
