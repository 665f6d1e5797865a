namespace Foremast.Aws.Dns.Route53;

/// <summary>One entry of a change batch (SDK <c>Change</c>): <c>UPSERT</c>, <c>CREATE</c> or <c>DELETE</c>.</summary>
public sealed record RecordChange(string Action, ResourceRecordSet RecordSet);
