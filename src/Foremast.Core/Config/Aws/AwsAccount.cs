namespace Foremast.Core.Config.Aws;

/// <summary>
/// Where one env deploys: a named profile of the shared AWS config files, or a role assumed through STS.
/// Foremast used the boto3 profile named after the env; that stays the default when no entry names the env.
/// </summary>
public sealed record AwsAccount(string? Profile, string? RoleArn);
