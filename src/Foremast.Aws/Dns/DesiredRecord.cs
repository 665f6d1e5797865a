using Foremast.Aws.Dns.Route53;

namespace Foremast.Aws.Dns;

/// <summary>A record Foremast writes for the load balancer, and whether a plain CNAME of the same name has to go first.</summary>
/// <param name="ReplacesCname">A failover alias on a name that used to carry the single-region CNAME (Foremast deleted it first).</param>
/// <param name="OrphanSecondary">
/// Set on a SECONDARY failover alias when no region of the env is <c>primary_region</c>: nothing in this config will ever write its
/// PRIMARY, so the record is refused unless a PRIMARY is already there. The one-line reason, naming the config keys.
/// </param>
public sealed record DesiredRecord(ResourceRecordSet RecordSet, bool ReplacesCname = false, string? OrphanSecondary = null);
