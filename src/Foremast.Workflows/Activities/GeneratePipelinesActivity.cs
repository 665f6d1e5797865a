using System.Text.Json;
using Foremast.Core.Config;
using Foremast.Spinnaker.Generator;
using Foremast.Workflows.Activities.Interfaces;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Activities;

/// <param name="DryRun">The run's decision: the publisher makes no call to Gate, and the stored documents are the record of what Spinnaker would get.</param>
public sealed record GeneratePipelinesInput(string RunId, ConfigSnapshot Snapshot, bool DryRun = false);

/// <summary>What the run's status says about the generated pipelines; the documents themselves are in the store.</summary>
/// <param name="Published">What publishing did to it in Spinnaker (created, updated, unchanged), or why it was not sent (dry run, no Gate).</param>
public sealed record GeneratedPipelineSummary(string? Region, string Name, int Stages, string? Published = null);

/// <summary>
/// Part of the Configuration stage: renders the Spinnaker pipelines equivalent to this run (the same generator as
/// <c>foremast generate</c>), stores them with the run and, outside dry runs, publishes them when a Gate is configured.
/// Saving replaces and publishing reuses ids by exact name, so a re-executed activity is harmless.
/// </summary>
public sealed class GeneratePipelinesActivity(ILookupsProvider lookups, IPipelineStore store, PipelineGenerator generator, ISpinnakerPublisher publisher)
    : TaskActivity<GeneratePipelinesInput, IReadOnlyList<GeneratedPipelineSummary>>
{
    public override async Task<IReadOnlyList<GeneratedPipelineSummary>> RunAsync(TaskActivityContext context, GeneratePipelinesInput input)
    {
        var generated = generator.Generate(input.Snapshot, await lookups.ForAsync(input.Snapshot));
        var stored = generated
            .Select(p => new StoredPipeline(p.Region, p.FileName, p.Name, JsonSerializer.SerializeToElement(p.Document)))
            .ToList();
        await store.SaveAsync(input.RunId, stored);

        var published = await publisher.PublishAsync(input.Snapshot, generated.Select(p => p.Document).ToList(), input.DryRun);
        return generated
            .Select(p => new GeneratedPipelineSummary(p.Region, p.Name, p.StageCount, published.Skipped ?? published.Result?.Changes.FirstOrDefault(c => c.Name == p.Name)?.Action.ToString().ToLowerInvariant()))
            .ToList();
    }
}
