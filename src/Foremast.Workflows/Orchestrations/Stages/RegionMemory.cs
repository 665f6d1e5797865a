using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Workflows.Orchestrations.Stages;

/// <summary>
/// What later stages of a region need from earlier ones (the baked image, the env's server group). Orchestration
/// state: rebuilt identically on every replay, never shared between engines.
/// </summary>
public sealed class RegionMemory
{
    private readonly Dictionary<string, DeployHandle> _deploys = new(StringComparer.Ordinal);

    public string? ImageId { get; set; }

    public void Deployed(string? env, DeployHandle handle) => _deploys[env ?? ""] = handle;

    public string? ServerGroupOf(string? env) => _deploys.TryGetValue(env ?? "", out var handle) ? handle.ServerGroup : null;
}
