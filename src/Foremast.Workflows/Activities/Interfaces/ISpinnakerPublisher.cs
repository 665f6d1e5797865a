using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Spinnaker.Application;

namespace Foremast.Workflows.Activities.Interfaces;

/// <summary>What publishing did: Spinnaker's changes, or why nothing was sent.</summary>
/// <param name="Skipped">Set when no call was made, e.g. "not published (dry run)" or "no Gate configured".</param>
public sealed record PublishOutcome(PublishResult? Result, string? Skipped = null);

/// <summary>Saves a run's generated pipelines in Spinnaker, for teams that still run it next to the engine.</summary>
public interface ISpinnakerPublisher
{
    /// <param name="dryRun">The run's decision: a dry run makes no call to Gate and says so in <see cref="PublishOutcome.Skipped"/>.</param>
    Task<PublishOutcome> PublishAsync(ConfigSnapshot snapshot, IReadOnlyList<JsonObject> pipelines, bool dryRun, CancellationToken cancellationToken = default);
}
