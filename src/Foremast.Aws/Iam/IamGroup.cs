namespace Foremast.Aws.Iam;

/// <summary>A group and its members (SDK: <c>GetGroupResponse</c>).</summary>
public sealed record IamGroup(string GroupName, IReadOnlyList<string> Users);
