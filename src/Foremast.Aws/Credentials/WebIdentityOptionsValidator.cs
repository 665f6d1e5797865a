using Microsoft.Extensions.Options;

namespace Foremast.Aws.Credentials;

/// <summary>Checked at start-up: a half-configured exchange is refused with one line naming the option.</summary>
public sealed class WebIdentityOptionsValidator : IValidateOptions<AwsOptions>
{
    public ValidateOptionsResult Validate(string? name, AwsOptions options)
    {
        var web = options.WebIdentity;
        if (!web.Enabled) return ValidateOptionsResult.Success;

        if (!Amazon.Arn.TryParse(web.RoleArn, out var arn) || arn.Service != "iam" || !arn.Resource.StartsWith("role/", StringComparison.Ordinal))
            return ValidateOptionsResult.Fail($"Foremast:Aws:WebIdentity:RoleArn: expected an IAM role ARN (arn:aws:iam::<account>:role/<name>), got \"{web.RoleArn}\"");
        if (string.IsNullOrWhiteSpace(web.Audience))
            return ValidateOptionsResult.Fail("Foremast:Aws:WebIdentity:Audience: required with RoleArn (the audience the IAM OIDC provider lists, e.g. api://foremast-aws)");
        if (web.Duration < TimeSpan.FromMinutes(15) || web.Duration > TimeSpan.FromHours(12))
            return ValidateOptionsResult.Fail($"Foremast:Aws:WebIdentity:Duration: expected 00:15:00 to 12:00:00, got {web.Duration}");
        return ValidateOptionsResult.Success;
    }
}
