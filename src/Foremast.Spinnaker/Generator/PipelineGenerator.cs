using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Core.Plan;
using Foremast.Core.Templates;
using Foremast.Spinnaker.Lookups;
using Scriban.Runtime;

namespace Foremast.Spinnaker.Generator;

/// <summary>
/// Snapshot + lookups → the Spinnaker pipelines Foremast's <c>prepare-app-pipeline</c> would POST, one per region.
/// The <see cref="StagePlan"/> decides regions, envs, previous env, verified approval skip and the per-env template,
/// so the durable engine and the generated pipelines cannot drift apart; the templates decide every JSON shape.
/// </summary>
public sealed class PipelineGenerator
{
    public const string WrapperTemplate = "pipeline/pipeline_wrapper.json.sbn";

    private readonly TemplateStore? _templates;

    /// <param name="templates">Overrides the store; by default the snapshot's <c>templates_path</c> decides (compiled once per process).</param>
    public PipelineGenerator(TemplateStore? templates = null)
    {
        _templates = templates;
    }

    /// <param name="onetimeEnv">Generates the onetime pipelines of this env instead of the regular ones.</param>
    /// <param name="runwayDirectory">Where manual types read <c>pipeline_files</c>; defaults to the snapshot's source directory.</param>
    public IReadOnlyList<GeneratedPipeline> Generate(ConfigSnapshot snapshot, IEnvironmentLookups lookups, string? onetimeEnv = null, string? runwayDirectory = null)
    {
        var store = _templates ?? TemplateStore.For(snapshot.Settings.TemplatesPath);
        var model = SnapshotModel.For(snapshot);
        var context = JsonTemplateContext.Rent(store);
        IReadOnlyList<GeneratedPipeline> result;
        if (snapshot.Settings.IsManualType(snapshot.PipelineType))
        {
            var directory = runwayDirectory ?? (snapshot.Source.Kind == "directory" ? snapshot.Source.Location : null);
            result = ManualPipelines.Generate(new ManualContext(snapshot, model, lookups, store, context, directory));
        }
        else
        {
            var plan = StagePlanner.Plan(snapshot, (env, region) => lookups.AvailabilityZones(env, region) is not null, onetimeEnv);
            var userData = new UserData(store, context, snapshot.App, model.Names.Project, snapshot.PipelineType);
            result = plan.Regions.Select(region => GenerateRegion(snapshot, model, lookups, store, context, userData, region, onetimeEnv)).ToList();
        }

        // Only a context whose renders all completed goes back to the pool (an exception leaves it out).
        JsonTemplateContext.Return(store, context);
        return result;
    }

    private static GeneratedPipeline GenerateRegion(
        ConfigSnapshot snapshot, SnapshotModel model, IEnvironmentLookups lookups, TemplateStore store, JsonTemplateContext context, UserData userData, RegionPlan region, string? onetimeEnv)
    {
        var id = lookups.ExistingPipelineId(snapshot.App, region.PipelineName);
        var wrapperData = WrapperData.Build(snapshot, model, lookups, region.Region, onetimeEnv is null ? id : null);
        var pipeline = TemplateRenderer.RenderJson(store, context, WrapperTemplate, wrapperData) as JsonObject
            ?? throw new InvalidOperationException($"template \"{WrapperTemplate}\" must render a JSON object");
        if (pipeline["stages"] is not JsonArray stages) pipeline["stages"] = stages = [];

        foreach (var env in region.Envs)
        {
            var data = EnvBlockData.Build(new BlockContext(snapshot, model, lookups, userData, region.Region, env));
            var block = TemplateRenderer.RenderJson(store, context, env.Template, data);
            var items = block is JsonArray array ? array.ToList() : [block];
            if (block is JsonArray owner) owner.Clear();
            foreach (var stage in items) stages.Add(stage);
        }

        StageRenumbering.Apply(stages);
        if (onetimeEnv is not null) OnetimePipeline.Apply(pipeline, region.PipelineName, id);

        var file = onetimeEnv is null ? $"pipeline.{region.Region}.json" : $"pipeline.{region.Region}.onetime-{onetimeEnv}.json";
        return new GeneratedPipeline(region.Region, file, pipeline);
    }
}
