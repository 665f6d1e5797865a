namespace Foremast.Api.Health;

/// <summary>What a host says about itself in <c>GET /api/health</c>, fixed at start-up.</summary>
/// <param name="Worker">Reported while storage answers; null for a host without a worker id of its own.</param>
public sealed record HealthTarget(string TaskHub, string? Worker, bool DryRun);
