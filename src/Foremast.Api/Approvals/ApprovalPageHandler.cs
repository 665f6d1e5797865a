using Microsoft.DurableTask.Client;

namespace Foremast.Api.Approvals;

/// <summary>
/// <c>GET /api/approvals/{token}</c>: shows the gate and, while it is open, the approve and reject buttons. It only
/// reads: mail link scanners open every link, so a GET that decided would approve deployments nobody looked at.
/// </summary>
public sealed class ApprovalPageHandler(ApprovalLinkCheck links, ApprovalPages pages)
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var (claims, refusal) = links.Check(request, html: true);
        if (refusal is not null) return refusal;
        var gate = await CheckpointLookup.FindAsync(client, claims!, links.Now, cancellationToken);
        return gate.State == CheckpointState.Missing ? pages.Result(404, "Not found", ApprovalPages.Describe(gate.State)) : pages.Page(claims!, gate, links.Now);
    }
}
