namespace Foremast.Api.Health;

/// <summary>The body of <c>GET /api/health</c>, the same on both hosts.</summary>
/// <param name="Status"><c>healthy</c> (200) or <c>unhealthy</c> (503): the task hub's storage alone decides.</param>
/// <param name="Storage">"reachable", or why it is not, in one line (never the connection string: it may hold a key).</param>
/// <param name="Worker">The worker id when this host processes work under one (the local engine); left out otherwise.</param>
/// <param name="Aws">What the host's AWS check found (<c>src/Foremast.Aws/Health</c>); informational, <paramref name="Status"/> is storage's alone.</param>
public sealed record HealthReport(string Status, string Storage, string TaskHub, string? Worker, bool DryRun, object? Aws = null);
