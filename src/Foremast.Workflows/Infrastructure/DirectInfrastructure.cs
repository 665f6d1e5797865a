using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;
using Foremast.Workflows.Execution;

namespace Foremast.Workflows.Infrastructure;

/// <summary>What one Infrastructure Setup outside the engine did.</summary>
/// <param name="Changes">Every change of every resource that finished, phase by phase, kinds in phase order.</param>
/// <param name="Error">The first failure as <c>kind: message</c>; null when every resource converged.</param>
public sealed record DirectInfrastructureResult(IReadOnlyList<ResourceChange> Changes, string? Error = null);

/// <summary>
/// Infrastructure Setup for one env and region without the durable engine (<c>foremast infra</c>, Foremast's
/// <c>prepare-infrastructure</c>): the same phases, resolution and dry-run rules as <see cref="Orchestrations.InfrastructureStageOrchestrator"/>,
/// called directly. Executors are checked before the first phase, so a missing one changes nothing.
/// </summary>
public sealed class DirectInfrastructure(InfrastructureResources resources, LiveExecutionGuard guard)
{
    /// <exception cref="NoLiveExecutorException">A kind the pipeline type needs has no executor this run may use.</exception>
    public async Task<DirectInfrastructureResult> RunAsync(StageRequest request, CancellationToken cancellationToken)
    {
        var phases = InfrastructurePhases.For(request.PipelineType, request.Settings);
        resources.EnsureUsable(phases.SelectMany(p => p), request, guard);

        var changes = new List<ResourceChange>();
        foreach (var phase in phases)
        {
            // Task.Run: the kinds of a phase run side by side, and a resource that throws before its first await fails only itself.
            var calls = phase.Select(kind => (Kind: kind, Call: Task.Run(() => resources.For(kind)!.ConvergeAsync(request, cancellationToken), cancellationToken))).ToList();
            string? error = null;
            foreach (var (kind, call) in calls)
            {
                try
                {
                    changes.AddRange((await call).Changes);
                }
                catch (Exception e) when (e is not OperationCanceledException and not Core.Config.Settings.StageSettingsException)
                {
                    error ??= $"{kind}: {e.Message}";
                }
            }

            if (error is not null) return new DirectInfrastructureResult(changes, error);
        }

        return new DirectInfrastructureResult(changes);
    }
}
