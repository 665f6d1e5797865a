using Foremast.Workflows.Activities.Interfaces;
using Foremast.Core.Templates;
using Foremast.Api.Approvals;
using Foremast.Api.Hooks;
using Foremast.Api.Runs;
using Foremast.Workflows.Sources;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Foremast.Api;

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
    private readonly RerunRunHandler _rerun;
    private readonly ApprovalPageHandler _approvalPage;
    private readonly ApprovalDecisionHandler _approvalDecision;

    private readonly StorageGuard _guard;

    /// <param name="storage">Shared with the host's own storage monitor, if it has one; else the API keeps its own.</param>
    public ForemastApi(
        ForemastApiOptions options, IConfigSourceReader reader, TimeProvider? time = null, IPipelineStore? pipelines = null,
        StorageHealth? storage = null, ILogger? logger = null)
    {
        Options = options;
        var tokens = ApprovalToken.FromOptions(options.Approvals);
        Links = new LinkBuilder(options, tokens);
        _cancel = new CancelRunHandler(options.Approvals, time ?? TimeProvider.System);
        _get = new GetRunHandler(options.Approvals.LinksInRunStatus ? Links : null, pipelines);
        var starter = new RunStarter(reader, options);
        _rerun = new RerunRunHandler(Links, options, time ?? TimeProvider.System);
        _start = new StartRunHandler(starter, Links, options);
        _hooks = new GitHookHandler(starter, Links, options);
        var pages = new ApprovalPages(TemplateStore.For(null));
        _guard = new StorageGuard(storage ?? new StorageHealth(time), pages, logger ?? NullLogger.Instance);
        var linkCheck = new ApprovalLinkCheck(tokens, pages, time ?? TimeProvider.System);
        _approvalPage = new ApprovalPageHandler(linkCheck, pages);
        _approvalDecision = new ApprovalDecisionHandler(linkCheck, options.Approvals, pages);
    }

    public ForemastApiOptions Options { get; }

    /// <summary>Approval and status URLs, for the notifier.</summary>
    public LinkBuilder Links { get; }

    /// <summary>Answers one request; while the task hub's storage is unreachable every route answers 503 (see <see cref="StorageGuard"/>).</summary>
    public Task<ApiResponse> HandleAsync(ApiRoute route, ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken = default) =>
        _guard.RunAsync(request, client, ct => RouteAsync(route, request, client, ct), cancellationToken);

    private Task<ApiResponse> RouteAsync(ApiRoute route, ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken) => route.Name switch
    {
        nameof(ApiRoutes.GitHook) => _hooks.HandleAsync(request, client, cancellationToken),
        nameof(ApiRoutes.StartRun) => _start.HandleAsync(request, client, cancellationToken),
        nameof(ApiRoutes.ListRuns) => _list.HandleAsync(request, client, cancellationToken),
        nameof(ApiRoutes.GetRun) => _get.HandleAsync(request, client, cancellationToken),
        nameof(ApiRoutes.CancelRun) => _cancel.HandleAsync(request, client, cancellationToken),
        nameof(ApiRoutes.RerunRun) => _rerun.HandleAsync(request, client, cancellationToken),
        nameof(ApiRoutes.ApprovalPage) => _approvalPage.HandleAsync(request, client, cancellationToken),
        nameof(ApiRoutes.ApprovalDecision) => _approvalDecision.HandleAsync(request, client, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(route), route.Name, "not a route of this API"),
    };
}
