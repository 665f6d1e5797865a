using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Spinnaker.Application;

namespace Foremast.Workflows.Activities.Interfaces;

/// <summary>Saves a run's generated pipelines in Spinnaker, for teams that still run it next to the engine.</summary>
public interface ISpinnakerPublisher
{
    /// <returns>What changed in Spinnaker, or null when no Gate is configured (publishing is optional).</returns>
    Task<PublishResult?> PublishAsync(ConfigSnapshot snapshot, IReadOnlyList<JsonObject> pipelines, CancellationToken cancellationToken = default);
}
