using System.Text.Json;
using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Spinnaker.Application;
using Foremast.Spinnaker.Gate;
using Foremast.Workflows.Activities.Interfaces;
using Polly;

namespace Foremast.Workflows.Pipelines;

/// <summary>
/// Publishes through Gate as <c>foremast publish</c> does (createApplication, exact-name id reuse, stale managed
/// pipelines deleted); without Gate options it publishes nothing, and in a dry run it makes no call at all. Its
/// HttpClient comes from <see cref="IHttpClientFactory"/> (<see cref="HttpClientName"/>, see <see cref="GateHttp"/>),
/// whose standard resilience handler does the retries, so the client's own pipeline is empty.
/// </summary>
public sealed class GatePublisher(GateOptions? options, IHttpClientFactory httpClients) : ISpinnakerPublisher
{
    public const string HttpClientName = "Foremast.Gate";

    public const string DryRunSkipped = "not published (dry run)";

    public async Task<PublishOutcome> PublishAsync(ConfigSnapshot snapshot, IReadOnlyList<JsonObject> pipelines, bool dryRun, CancellationToken cancellationToken = default)
    {
        if (options is null) return new PublishOutcome(null);
        if (dryRun) return new PublishOutcome(null, DryRunSkipped);
        var email = snapshot.Pipeline.TryGetProperty("owner_email", out var owner) && owner.ValueKind == JsonValueKind.String ? owner.GetString() ?? "" : "";
        using var gate = new GateClient(httpClients.CreateClient(HttpClientName), options, ResiliencePipeline<HttpResponseMessage>.Empty);
        var publisher = new SpinnakerPublisher(gate);
        return new PublishOutcome(await publisher.PublishAsync(snapshot.App, ApplicationDefinition.Render(snapshot, email), pipelines, cancellationToken));
    }
}
