using System.Text.Json;
using Foremast.Api.Approvals;
using Foremast.Workflows.Sources;
using Foremast.Workflows.Orchestrations;
using Microsoft.DurableTask.Client;

namespace Foremast.Api.Runs;

/// <summary><c>POST /api/runs</c>: 202 and Location for a new run, 200 for one already started by the same request, 422 for invalid config.</summary>
public sealed class StartRunHandler(RunStarter starter, LinkBuilder links, ForemastApiOptions options)
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        StartRunBody? body;
        try
        {
            body = JsonSerializer.Deserialize<StartRunBody>(request.Body, ApiJson.Options);
        }
        catch (JsonException e)
        {
            return ApiResponse.Error(400, $"the body is not valid JSON: {e.Message}");
        }

        var problems = Check(body);
        if (problems.Count > 0) return ApiResponse.Error(400, "incomplete request", problems);

        var source = new ConfigSourceSpec(body!.Source!.Path, body.Source.Url, body.Source.Commit);
        var artifact = new ArtifactRef(body.Artifact!.Version!, body.Artifact.Url!);
        var command = new RunStartCommand(body.App, body.Project!, body.Repo!, source, artifact, body.DryRun, options.ConfigFileFor(null), body.Author);
        return StartResponses.From(await starter.StartAsync(command, client, cancellationToken), links);
    }

    private static List<string> Check(StartRunBody? body)
    {
        var problems = new List<string>();
        if (body is null) return ["(request): $: a JSON object is required"];
        if (string.IsNullOrWhiteSpace(body.Project)) problems.Add("(request): $.project: required");
        if (string.IsNullOrWhiteSpace(body.Repo)) problems.Add("(request): $.repo: required");
        var source = body.Source;
        var hasPath = !string.IsNullOrWhiteSpace(source?.Path);
        var hasGit = !string.IsNullOrWhiteSpace(source?.Url) && !string.IsNullOrWhiteSpace(source?.Commit);
        if (hasPath == hasGit) problems.Add("(request): $.source: give either {path} or {url, commit}");
        if (string.IsNullOrWhiteSpace(body.Artifact?.Version)) problems.Add("(request): $.artifact.version: required");
        if (string.IsNullOrWhiteSpace(body.Artifact?.Url)) problems.Add("(request): $.artifact.url: required");
        return problems;
    }
}
