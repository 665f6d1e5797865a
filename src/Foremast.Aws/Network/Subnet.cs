namespace Foremast.Aws.Network;

public sealed record Subnet(string SubnetId, string AvailabilityZone, string VpcId);
