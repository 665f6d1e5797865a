using System.Net;
using System.Text.Json.Nodes;
using Foremast.Spinnaker.Gate;

namespace Foremast.Spinnaker.Application;

/// <summary>
/// Brings Spinnaker in line with a generated set of pipelines: upsert the application, save each pipeline under the
/// id of the existing pipeline with exactly the same name, then delete Foremast-managed pipelines that are no longer
/// generated. Saving before deleting means a failed save never leaves the app without its pipelines. Running it
/// twice leaves Gate in the same state (the second run saves nothing).
/// </summary>
public sealed class SpinnakerPublisher(GateClient gate)
{
    /// <summary>Fields front50 adds on save; they do not make a stored pipeline differ from the generated one.</summary>
    private static readonly HashSet<string> ServerFields = ["updateTs", "createTs", "lastModifiedBy", "index"];

    /// <param name="applicationTask">The createApplication task body (<see cref="ApplicationDefinition.Render"/>).</param>
    /// <param name="pipelines">Generated pipeline documents; each needs a <c>name</c>, <c>application</c> defaults to <paramref name="app"/>.</param>
    public async Task<PublishResult> PublishAsync(string app, JsonObject applicationTask, IReadOnlyList<JsonObject> pipelines, CancellationToken cancellationToken = default)
    {
        var documents = Prepare(app, pipelines);

        await gate.RunTaskAsync(applicationTask, cancellationToken: cancellationToken);
        var existing = await gate.GetPipelineConfigsAsync(app, cancellationToken);

        var changes = new List<PipelineChange>();
        foreach (var (name, document) in documents)
        {
            changes.Add(await SaveAsync(name, document, existing, cancellationToken));
        }

        foreach (var stale in StalePipelines(app, documents.Select(d => d.Name).ToHashSet(StringComparer.Ordinal), existing))
        {
            await gate.DeletePipelineAsync(app, stale.Name, cancellationToken);
            changes.Add(stale);
        }

        return new PublishResult(app, changes);
    }

    /// <summary>
    /// Managed pipelines to delete (Foremast's <c>clean_pipelines</c>): when this is a regular publish, every
    /// <c>"{app} [region]"</c> not generated any more, and every onetime pipeline. A publish made only of onetime or
    /// custom-named pipelines deletes nothing, as Foremast's onetime and manual runs do not clean.
    /// </summary>
    public static IEnumerable<PipelineChange> StalePipelines(string app, IReadOnlySet<string> published, IEnumerable<JsonObject> existing)
    {
        var regularPublish = published.Any(n => ManagedPipelineName.Parse(app, n) is { IsOnetime: false });
        if (!regularPublish) yield break;

        foreach (var pipeline in existing)
        {
            var name = Text(pipeline["name"]);
            if (name is null || published.Contains(name) || ManagedPipelineName.Parse(app, name) is null) continue;
            yield return new PipelineChange(name, PipelineAction.Deleted, Text(pipeline["id"]));
        }
    }

    private async Task<PipelineChange> SaveAsync(string name, JsonObject document, IReadOnlyList<JsonObject> existing, CancellationToken cancellationToken)
    {
        // front50 refuses a second pipeline of the same name, so an update must carry the existing id; a new one
        // must carry none (a stale id from elsewhere would overwrite an unrelated pipeline).
        var current = existing.FirstOrDefault(p => Text(p["name"]) == name);
        var id = current is null ? null : Text(current["id"]);
        if (id is null) document.Remove("id");
        else document["id"] = id;

        if (current is not null && SameContent(document, current)) return new PipelineChange(name, PipelineAction.Unchanged, id);

        if (current is not null)
        {
            await gate.SavePipelineAsync(document, cancellationToken);
            return new PipelineChange(name, PipelineAction.Updated, id);
        }

        try
        {
            await gate.SavePipelineAsync(document, cancellationToken);
            return new PipelineChange(name, PipelineAction.Created, null);
        }
        catch (GateException e) when (e.StatusCode == HttpStatusCode.BadRequest)
        {
            // A retried create whose first attempt did land (its reply was lost) is refused as a duplicate name.
            // Only then does the pipeline exist now; save once more under its id. Otherwise the 400 stands.
            var now = (await gate.GetPipelineConfigsAsync(Text(document["application"])!, cancellationToken)).FirstOrDefault(p => Text(p["name"]) == name);
            if (now is null || Text(now["id"]) is not { } createdId) throw;
            document["id"] = createdId;
            await gate.SavePipelineAsync(document, cancellationToken);
            return new PipelineChange(name, PipelineAction.Created, createdId);
        }
    }

    private static List<(string Name, JsonObject Document)> Prepare(string app, IReadOnlyList<JsonObject> pipelines)
    {
        var result = new List<(string, JsonObject)>();
        foreach (var pipeline in pipelines)
        {
            var document = (JsonObject)pipeline.DeepClone();
            var name = Text(document["name"]);
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("every pipeline document needs a non-empty \"name\"", nameof(pipelines));

            document["application"] ??= app;
            if (Text(document["application"]) != app)
            {
                throw new ArgumentException($"pipeline \"{name}\" belongs to application \"{document["application"]}\", not \"{app}\"", nameof(pipelines));
            }

            if (result.Any(r => r.Item1 == name)) throw new ArgumentException($"two pipeline documents are named \"{name}\"", nameof(pipelines));
            result.Add((name, document));
        }

        return result;
    }

    private static bool SameContent(JsonObject generated, JsonObject stored)
    {
        foreach (var (key, value) in generated)
        {
            if (!JsonNode.DeepEquals(value, stored[key]) || (value is null && !stored.ContainsKey(key))) return false;
        }

        return stored.All(p => generated.ContainsKey(p.Key) || ServerFields.Contains(p.Key));
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
