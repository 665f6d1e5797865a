using Foremast.Api;
using Foremast.Api.Health;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Foremast.Functions.Http;

/// <summary>
/// <c>GET /api/health</c>, answered by the shared <see cref="HealthCheck"/> exactly as the local engine answers it.
/// Anonymous: an uptime probe or a load balancer has no function key, and the body only says whether storage and AWS
/// answer (reasons masked by <see cref="SecretMask"/>; no connection string, key or account id).
/// </summary>
public sealed class HealthFunctions(HealthCheck health)
{
    [Function(nameof(ApiRoutes.Health))]
    public async Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + ApiRoutes.HealthPath)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) => new ApiResult(await health.HandleAsync(client, cancellationToken));
}
