using Foremast.Aws.Dns.Route53;

namespace Foremast.Aws.Dns;

/// <summary>A record Foremast writes for the load balancer, and whether a plain CNAME of the same name has to go first.</summary>
/// <param name="ReplacesCname">A failover alias on a name that used to carry the single-region CNAME (Foremast deleted it first).</param>
public sealed record DesiredRecord(ResourceRecordSet RecordSet, bool ReplacesCname = false);
