using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Workflows.Telemetry;

/// <summary>Run id, region, env and stage of whatever an activity was given, for its log scope and span.</summary>
public sealed record StageLabels(string? RunId, string? Region, string? Env, string? Stage)
{
    public static StageLabels Of(object? input) => input switch
    {
        StageRequest s => From(s),
        ConvergeResourceInput c => From(c.Stage),
        StartDeployInput d => From(d.Stage),
        CheckDeployHealthInput h => From(h.Stage),
        RollbackDeployInput r => From(r.Stage),
        AttachScalingPolicyInput a => From(a.Stage),
        GeneratePipelinesInput g => new(g.RunId, null, null, null),
        RunNotification n => new(n.RunId, Empty(n.Region), n.Env, Empty(n.Stage)),
        _ => new(null, null, null, null),
    };

    /// <summary>The logging scope: only the labels that are known, under the names the structured log fields use.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Scope()
    {
        var scope = new List<KeyValuePair<string, object?>>(4);
        if (RunId is not null) scope.Add(new("RunId", RunId));
        if (Region is not null) scope.Add(new("Region", Region));
        if (Env is not null) scope.Add(new("Env", Env));
        if (Stage is not null) scope.Add(new("Stage", Stage));
        return scope;
    }

    public IEnumerable<KeyValuePair<string, object?>> Tags()
    {
        if (RunId is not null) yield return new(ForemastTelemetry.RunIdTag, RunId);
        if (Region is not null) yield return new(ForemastTelemetry.RegionTag, Region);
        if (Env is not null) yield return new(ForemastTelemetry.EnvTag, Env);
        if (Stage is not null) yield return new(ForemastTelemetry.StageTag, Stage);
    }

    private static StageLabels From(StageRequest s) => new(s.RunId, s.Region, s.Env, s.StageName);

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
