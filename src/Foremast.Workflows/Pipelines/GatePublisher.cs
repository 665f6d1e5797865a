using System.Text.Json;
using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Spinnaker.Application;
using Foremast.Spinnaker.Gate;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Workflows.Pipelines;

/// <summary>
/// Publishes through Gate as <c>foremast publish</c> does (createApplication, exact-name id reuse, stale managed
/// pipelines deleted); without Gate options it publishes nothing.
/// </summary>
public sealed class GatePublisher(GateOptions? options) : ISpinnakerPublisher
{
    public async Task<PublishResult?> PublishAsync(ConfigSnapshot snapshot, IReadOnlyList<JsonObject> pipelines, CancellationToken cancellationToken = default)
    {
        if (options is null) return null;
        var email = snapshot.Pipeline.TryGetProperty("owner_email", out var owner) && owner.ValueKind == JsonValueKind.String ? owner.GetString() ?? "" : "";
        var publisher = new SpinnakerPublisher(GateClientFactory.Create(options));
        return await publisher.PublishAsync(snapshot.App, ApplicationDefinition.Render(snapshot, email), pipelines, cancellationToken);
    }
}
