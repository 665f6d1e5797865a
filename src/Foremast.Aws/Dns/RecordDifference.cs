using Foremast.Aws.Dns.Route53;

namespace Foremast.Aws.Dns;

/// <summary>How one desired record differs in one zone: the changes that fix it and what to say about them.</summary>
/// <param name="Created">No record of that name and identity existed in the zone.</param>
public sealed record RecordDifference(HostedZone Zone, DesiredRecord Record, bool Created, string Description, IReadOnlyList<RecordChange> Changes);
