using Foremast.Aws.Health;

namespace Foremast.Local.Http;

/// <summary>The body of <c>GET /api/health</c>.</summary>
/// <param name="Storage">"reachable", or why it is not (never the connection string: it may hold a key).</param>
/// <param name="Worker">The worker id when this engine processes work; null for a client-only engine.</param>
/// <param name="Aws">Whether AWS answers (STS GetCallerIdentity, cached briefly); informational, <paramref name="Status"/> is storage's alone.</param>
public sealed record HealthReport(string Status, string Storage, string TaskHub, string? Worker, bool DryRun, AwsReachabilityReport? Aws = null);
