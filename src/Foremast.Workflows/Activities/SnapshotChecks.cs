using Foremast.Core.Config;
using Foremast.Core.Validation;

namespace Foremast.Workflows.Activities;

/// <summary>
/// What the engine needs of a pinned snapshot before it plans: a snapshot arrives through the run input
/// (an HTTP body, a queue), not from the loader, so the loader's own checks cannot be taken for granted.
/// </summary>
public static class SnapshotChecks
{
    public static IReadOnlyList<Diagnostic> Check(ConfigSnapshot snapshot)
    {
        var problems = new List<Diagnostic>();
        if (string.IsNullOrWhiteSpace(snapshot.App)) problems.Add(Diagnostic.Error("snapshot", "$.App", "the application name is empty"));

        var type = snapshot.PipelineType;
        if (!snapshot.Settings.AllTypes.Contains(type)) problems.Add(Diagnostic.Error("pipeline.json", "$.type", $"unknown pipeline type '{type}'"));
        if (snapshot.Settings.IsManualType(type)) return problems;

        if (snapshot.PipelineEnvs.Count == 0) problems.Add(Diagnostic.Error("pipeline.json", "$.env", "no envs to deploy to"));
        foreach (var env in snapshot.PipelineEnvs)
        {
            if (!snapshot.Environments.ContainsKey(env)) problems.Add(Diagnostic.Error($"application-master-{env}.json", "$", $"env '{env}' is in pipeline.json but not in the snapshot"));
            else if (snapshot.RegionsOf(env).Count == 0) problems.Add(Diagnostic.Error($"application-master-{env}.json", "$.regions", $"env '{env}' has no regions"));
        }

        return problems;
    }
}
