using System.Text.Json;
using Foremast.Core.Config;

namespace Foremast.Aws.Tests.Support;

/// <summary>An <see cref="AwsStageContext"/> for one env and region with the given env and pipeline documents (defaults where omitted).</summary>
public static class StageContexts
{
    public static AwsStageContext For(
        string app, string region, string settings = "{}", string pipeline = "{\"type\": \"ec2\"}", string env = "stage",
        string runId = "run-1", bool dryRun = false, ForemastSettings? global = null, string project = "acme") =>
        new(runId, app, project, app, env, region, "ec2", JsonElement.Parse(settings), JsonElement.Parse(pipeline), global ?? new ForemastSettings(), dryRun);
}
