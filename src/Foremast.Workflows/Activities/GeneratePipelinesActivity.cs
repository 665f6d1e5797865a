using System.Text.Json;
using Foremast.Core.Config;
using Foremast.Spinnaker.Generator;
using Foremast.Workflows.Activities.Interfaces;
using Microsoft.DurableTask;

namespace Foremast.Workflows.Activities;

public sealed record GeneratePipelinesInput(string RunId, ConfigSnapshot Snapshot);

/// <summary>What the run's status says about the generated pipelines; the documents themselves are in the store.</summary>
public sealed record GeneratedPipelineSummary(string? Region, string Name, int Stages);

/// <summary>
/// Part of the Configuration stage: renders the Spinnaker pipelines equivalent to this run (the same generator as
/// <c>foremast generate</c>) and stores them with the run. Saving replaces, so a re-executed activity is harmless.
/// </summary>
public sealed class GeneratePipelinesActivity(ILookupsProvider lookups, IPipelineStore store, PipelineGenerator generator)
    : TaskActivity<GeneratePipelinesInput, IReadOnlyList<GeneratedPipelineSummary>>
{
    public override async Task<IReadOnlyList<GeneratedPipelineSummary>> RunAsync(TaskActivityContext context, GeneratePipelinesInput input)
    {
        var generated = generator.Generate(input.Snapshot, await lookups.ForAsync(input.Snapshot));
        var stored = generated
            .Select(p => new StoredPipeline(p.Region, p.FileName, p.Name, JsonSerializer.SerializeToElement(p.Document)))
            .ToList();
        await store.SaveAsync(input.RunId, stored);
        return generated.Select(p => new GeneratedPipelineSummary(p.Region, p.Name, p.StageCount)).ToList();
    }
}
