using Foremast.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Foremast.Functions.Http;

/// <summary>The run API. Function-level keys guard it: starting, rerunning and cancelling deployments is an operator's action.</summary>
public sealed class RunFunctions(ForemastApi api) : ApiFunctionBase(api)
{
    [Function(nameof(ApiRoutes.StartRun))]
    public Task<IActionResult> StartRun(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Prefix + ApiRoutes.Runs)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) => HandleAsync(ApiRoutes.StartRun, request, client, cancellationToken);

    [Function(nameof(ApiRoutes.ListRuns))]
    public Task<IActionResult> ListRuns(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Prefix + ApiRoutes.Runs)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) => HandleAsync(ApiRoutes.ListRuns, request, client, cancellationToken);

    [Function(nameof(ApiRoutes.GetRun))]
    public Task<IActionResult> GetRun(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Prefix + ApiRoutes.Run)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) => HandleAsync(ApiRoutes.GetRun, request, client, cancellationToken);

    [Function(nameof(ApiRoutes.CancelRun))]
    public Task<IActionResult> CancelRun(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Prefix + ApiRoutes.RunCancel)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) => HandleAsync(ApiRoutes.CancelRun, request, client, cancellationToken);

    [Function(nameof(ApiRoutes.RerunRun))]
    public Task<IActionResult> RerunRun(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Prefix + ApiRoutes.RunRerun)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) => HandleAsync(ApiRoutes.RerunRun, request, client, cancellationToken);
}
