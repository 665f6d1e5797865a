using Foremast.Workflows.Status;

namespace Foremast.Workflows.Orchestrations.Stages;

/// <param name="Publish">Pushes the status to the region's custom status.</param>
/// <param name="BranchFailed">Completes with true as soon as a running branch stage fails (the gate then closes without a decision).</param>
public sealed record CheckpointContext(RegionStatusTracker Status, Action Publish, Task<bool> BranchFailed);
