namespace Foremast.Aws.Iam;

/// <summary>The parts of an IAM <c>Role</c> the converger reads (SDK: <c>Amazon.IdentityManagement.Model.Role</c>).</summary>
/// <param name="AssumeRolePolicyDocument">The trust policy, already URL-decoded.</param>
public sealed record IamRole(string RoleName, string Arn, string AssumeRolePolicyDocument)
{
    /// <summary>The account id inside the role's ARN (<c>arn:aws:iam::ACCOUNT:role/name</c>).</summary>
    public string? AccountId => Arn.Split(':') is { Length: > 4 } parts && parts[4].Length > 0 ? parts[4] : null;
}
