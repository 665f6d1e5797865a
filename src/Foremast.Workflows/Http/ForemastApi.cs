using Foremast.Workflows.Activities.Interfaces;
using Foremast.Core.Templates;
using Foremast.Workflows.Http.Approvals;
using Foremast.Workflows.Http.Hooks;
using Foremast.Workflows.Http.Runs;
using Foremast.Workflows.Http.Sources;
using Microsoft.DurableTask.Client;

namespace Foremast.Workflows.Http;

/// <summary>
/// Every route of the HTTP API behind one object. A host adapts its request to <see cref="ApiRequest"/>, calls
/// <see cref="HandleAsync"/> with the route and its own <see cref="DurableTaskClient"/>, and writes the <see cref="ApiResponse"/> back.
/// </summary>
public sealed class ForemastApi
{
    private readonly StartRunHandler _start;
    private readonly GitHookHandler _hooks;
    private readonly GetRunHandler _get;
    private readonly ListRunsHandler _list = new();
    private readonly CancelRunHandler _cancel;
    private readonly ApprovalPageHandler _approvalPage;
    private readonly ApprovalDecisionHandler _approvalDecision;

    public ForemastApi(ForemastApiOptions options, IConfigSourceReader reader, TimeProvider? time = null, IPipelineStore? pipelines = null)
    {
        Options = options;
        var tokens = ApprovalToken.FromOptions(options.Approvals);
        Links = new LinkBuilder(options, tokens);
        _cancel = new CancelRunHandler(options.Approvals, time ?? TimeProvider.System);
        _get = new GetRunHandler(options.Approvals.LinksInRunStatus ? Links : null, pipelines);
        var starter = new RunStarter(reader, options);
        _start = new StartRunHandler(starter, Links, options);
        _hooks = new GitHookHandler(starter, Links, options);
        var pages = new ApprovalPages(TemplateStore.For(null));
        var linkCheck = new ApprovalLinkCheck(tokens, pages, time ?? TimeProvider.System);
        _approvalPage = new ApprovalPageHandler(linkCheck, pages);
        _approvalDecision = new ApprovalDecisionHandler(linkCheck, options.Approvals, pages);
    }

    public ForemastApiOptions Options { get; }

    /// <summary>Approval and status URLs, for the notifier.</summary>
    public LinkBuilder Links { get; }

    public Task<ApiResponse> HandleAsync(ApiRoute route, ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken = default) => route.Name switch
    {
        nameof(ApiRoutes.GitHook) => _hooks.HandleAsync(request, client, cancellationToken),
        nameof(ApiRoutes.StartRun) => _start.HandleAsync(request, client, cancellationToken),
        nameof(ApiRoutes.ListRuns) => _list.HandleAsync(request, client, cancellationToken),
        nameof(ApiRoutes.GetRun) => _get.HandleAsync(request, client, cancellationToken),
        nameof(ApiRoutes.CancelRun) => _cancel.HandleAsync(request, client, cancellationToken),
        nameof(ApiRoutes.ApprovalPage) => _approvalPage.HandleAsync(request, client, cancellationToken),
        nameof(ApiRoutes.ApprovalDecision) => _approvalDecision.HandleAsync(request, client, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(route), route.Name, "not a route of this API"),
    };
}
