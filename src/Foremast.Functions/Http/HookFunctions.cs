using Foremast.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Foremast.Functions.Http;

/// <summary>
/// Git push hooks. Anonymous at the Functions level: the providers authenticate with the body signature or token,
/// which the shared handler verifies, and a function key in a hook URL would only be one more secret to leak.
/// </summary>
public sealed class HookFunctions(ForemastApi api) : ApiFunctionBase(api)
{
    [Function(nameof(ApiRoutes.GitHook))]
    public Task<IActionResult> GitHook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + ApiRoutes.Hooks)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) => HandleAsync(ApiRoutes.GitHook, request, client, cancellationToken);
}
