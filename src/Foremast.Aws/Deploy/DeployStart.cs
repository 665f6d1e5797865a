using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Aws.Deploy;

/// <summary>What a start did: the group to poll, and the changes for the stage status.</summary>
public sealed record DeployStart(DeployHandle Handle, IReadOnlyList<ResourceChange> Changes);
