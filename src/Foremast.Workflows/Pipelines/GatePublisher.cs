using System.Text.Json;
using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Spinnaker.Application;
using Foremast.Spinnaker.Gate;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Workflows.Pipelines;

/// <summary>
/// Publishes through Gate as <c>foremast publish</c> does (createApplication, exact-name id reuse, stale managed
/// pipelines deleted); without Gate options it publishes nothing, and in a dry run it makes no call at all.
/// </summary>
public sealed class GatePublisher(GateOptions? options) : ISpinnakerPublisher
{
    public const string DryRunSkipped = "not published (dry run)";

    public async Task<PublishOutcome> PublishAsync(ConfigSnapshot snapshot, IReadOnlyList<JsonObject> pipelines, bool dryRun, CancellationToken cancellationToken = default)
    {
        if (options is null) return new PublishOutcome(null);
        if (dryRun) return new PublishOutcome(null, DryRunSkipped);
        var email = snapshot.Pipeline.TryGetProperty("owner_email", out var owner) && owner.ValueKind == JsonValueKind.String ? owner.GetString() ?? "" : "";
        using var gate = GateClientFactory.Create(options);
        var publisher = new SpinnakerPublisher(gate);
        return new PublishOutcome(await publisher.PublishAsync(snapshot.App, ApplicationDefinition.Render(snapshot, email), pipelines, cancellationToken));
    }
}
