namespace Foremast.Aws.SecurityGroups;

/// <summary>A security group found by name: its id, its account (for rules across accounts) and VPC.</summary>
public sealed record SgPeer(string Name, string GroupId, string? OwnerId, string VpcId);
