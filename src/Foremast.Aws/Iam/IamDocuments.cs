using System.Text.Json.Nodes;
using Foremast.Core.Config;
using Foremast.Core.Templates;
using Foremast.Spinnaker.Infrastructure;
using Foremast.Spinnaker.Lookups;

namespace Foremast.Aws.Iam;

/// <summary>
/// The role's trust policy and inline policy for one stage, rendered by the generator's <see cref="IamPolicies"/> from
/// <c>templates/infrastructure/iam</c> (the same documents the plan shows), so the executor never writes its own JSON.
/// </summary>
public sealed class IamDocuments(AwsStageContext context)
{
    private readonly IamPolicies _policies = new();

    private readonly ConfigSnapshot _snapshot = new()
    {
        App = context.App,
        Project = context.Project,
        Repo = context.Repo,
        Source = ConfigSource.Directory("(stage)", ""),
        Pipeline = context.Pipeline,
        Environments = new Dictionary<string, System.Text.Json.JsonElement> { [context.Env] = context.Settings },
        Settings = context.Global,
    };

    /// <exception cref="AwsConfigurationException">The pipeline type has no trust template (custom and manual types bring their own).</exception>
    public JsonObject Trust()
    {
        try
        {
            return _policies.TrustPolicy(_snapshot);
        }
        catch (TemplateNotFoundException e)
        {
            throw new AwsConfigurationException(
                $"iam: pipeline type {context.PipelineType} has no trust policy: {e.Message}; add {e.Name} under base.templates_path");
        }
    }

    /// <returns>The inline policy, or null when the app asks for no services.</returns>
    /// <exception cref="AwsConfigurationException">A service without a policy template.</exception>
    public JsonObject? Policy(string? accountId)
    {
        try
        {
            return _policies.RolePolicy(_snapshot, context.Env, new AccountOnly(context.Env, accountId));
        }
        catch (TemplateNotFoundException e)
        {
            throw new AwsConfigurationException($"iam: pipeline.json services names a service without a policy template: {e.Message}");
        }
    }

    /// <summary>The policy templates only need the env's account id (for ARNs); nothing else is looked up here.</summary>
    private sealed class AccountOnly(string env, string? accountId) : IEnvironmentLookups
    {
        public string? AccountId(string name) => name == env ? accountId : null;

        public string? AmiId(string region, string baseName) => null;

        public IReadOnlyList<string>? AvailabilityZones(string name, string region) => null;

        public IReadOnlyList<ExistingPipeline> Pipelines(string application) => [];
    }
}
