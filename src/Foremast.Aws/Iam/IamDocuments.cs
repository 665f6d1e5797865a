using System.Text.Json.Nodes;
using Foremast.Core.Config;
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

    public JsonObject Trust() => _policies.TrustPolicy(_snapshot);

    /// <returns>The inline policy, or null when the app asks for no services.</returns>
    public JsonObject? Policy(string? accountId) => _policies.RolePolicy(_snapshot, context.Env, new AccountOnly(context.Env, accountId));

    /// <summary>The policy templates only need the env's account id (for ARNs); nothing else is looked up here.</summary>
    private sealed class AccountOnly(string env, string? accountId) : IEnvironmentLookups
    {
        public string? AccountId(string name) => name == env ? accountId : null;

        public string? AmiId(string region, string baseName) => null;

        public IReadOnlyList<string>? AvailabilityZones(string name, string region) => null;

        public IReadOnlyList<ExistingPipeline> Pipelines(string application) => [];
    }
}
