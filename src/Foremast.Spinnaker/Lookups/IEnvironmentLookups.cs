namespace Foremast.Spinnaker.Lookups;

/// <summary>An existing Spinnaker pipeline config (Gate <c>/applications/{app}/pipelineConfigs</c>).</summary>
public sealed record ExistingPipeline(string Application, string Name, string Id);

/// <summary>
/// Facts the generator needs from the environment, behind one interface so generation stays a pure function:
/// the same snapshot and the same answers give the same documents.
/// </summary>
public interface IEnvironmentLookups
{
    /// <summary>The AMI id of a base image alias in a region, or null when unknown.</summary>
    string? AmiId(string region, string baseName);

    /// <summary>The availability zones of the env's EC2 subnets in a region; null means the env has no subnets there.</summary>
    IReadOnlyList<string>? AvailabilityZones(string env, string region);

    /// <summary>The AWS account id behind an env (Spinnaker account), or null when unknown.</summary>
    string? AccountId(string env);

    /// <summary>The pipelines Spinnaker already has for an application.</summary>
    IReadOnlyList<ExistingPipeline> Pipelines(string application);
}

public static class EnvironmentLookupsExtensions
{
    /// <summary>
    /// The id of the existing pipeline with exactly this name. Foremast matched any name that merely contains the
    /// region, which could pick a onetime or unrelated pipeline; an exact match cannot.
    /// </summary>
    public static string? ExistingPipelineId(this IEnvironmentLookups lookups, string application, string name)
    {
        foreach (var pipeline in lookups.Pipelines(application))
        {
            if (pipeline.Application == application && pipeline.Name == name) return pipeline.Id;
        }

        return null;
    }
}
