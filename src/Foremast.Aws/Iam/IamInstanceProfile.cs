namespace Foremast.Aws.Iam;

/// <summary>An instance profile and the roles in it (SDK: <c>InstanceProfile</c>); AWS allows at most one role.</summary>
public sealed record IamInstanceProfile(string InstanceProfileName, IReadOnlyList<string> Roles);
