using Foremast.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Foremast.Functions.Http;

/// <summary>
/// Approval links. Anonymous at the Functions level on purpose: the signed token is the capability, and putting a
/// function key (<c>code=</c>) in an emailed link would hand out a credential. Put App Service Authentication in front
/// to require sign-in; its principal header then names the approver.
/// </summary>
public sealed class ApprovalFunctions(ForemastApi api) : ApiFunctionBase(api)
{
    [Function(nameof(ApiRoutes.ApprovalPage))]
    public Task<IActionResult> ApprovalPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + ApiRoutes.Approval)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) => HandleAsync(ApiRoutes.ApprovalPage, request, client, cancellationToken);

    [Function(nameof(ApiRoutes.ApprovalDecision))]
    public Task<IActionResult> ApprovalDecision(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + ApiRoutes.Approval)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) => HandleAsync(ApiRoutes.ApprovalDecision, request, client, cancellationToken);
}
