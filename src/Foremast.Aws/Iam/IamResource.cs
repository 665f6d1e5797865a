using System.Text.Json.Nodes;
using Foremast.Aws.Converge;
using Foremast.Aws.Http;
using Foremast.Workflows.Activities.Interfaces;
using static Foremast.Aws.Converge.Verbs;

namespace Foremast.Aws.Iam;

/// <summary>
/// Kind <c>iam</c>: Foremast's <c>create_iam_resources</c> as desired state. The role <c>{project}_{repo}_role</c> with the pipeline
/// type's trust policy, the instance profile holding exactly that role, the one inline policy rendered from <c>services</c>
/// (rewritten when its document changed, deleted when <c>services</c> went away; other policies are left alone, as in Foremast),
/// and the legacy user <c>{project}_{repo}</c> in group <c>{project}</c>. IAM is global: every region of an env converges the
/// same documents (Foremast rendered them for us-east-1), so a second region finds everything unchanged.
/// </summary>
public sealed class IamResource(AwsClientBuilder clients)
{
    public const string Kind = ResourceKinds.Iam;

    /// <summary>Types for which Foremast created no IAM (S3 sites, data pipelines) or whose IAM is not AWS (GCP).</summary>
    private static readonly HashSet<string> NoIamTypes = ["s3", "datapipeline"];

    public async Task<ResourceResult> ConvergeAsync(AwsStageContext context, CancellationToken cancellationToken)
    {
        if (NoIamTypes.Contains(context.PipelineType) || context.Global.IsGcpType(context.PipelineType)) return new ResourceResult([]);

        var run = new Run(context, new IamClient(clients.Session(context.Target).Iam), IamNames.From(context.Names), cancellationToken);
        var documents = new IamDocuments(context);
        var changes = new List<ResourceChange>();

        // Both documents are rendered before the first write, so a config they cannot be rendered from changes nothing.
        var role = await run.ReadRoleAsync().ConfigureAwait(false);
        var account = role?.AccountId ?? await AccountIdAsync(context, cancellationToken).ConfigureAwait(false);
        var trust = documents.Trust();
        var policy = documents.Policy(account);

        await run.RoleAsync(role, trust, changes).ConfigureAwait(false);
        await run.ProfileAsync(changes).ConfigureAwait(false);
        await run.PolicyAsync(policy, changes).ConfigureAwait(false);
        await run.UserAndGroupAsync(changes).ConfigureAwait(false);
        return new ResourceResult(changes);
    }

    /// <summary>Before the role exists, the ARNs in the policy still need the account id.</summary>
    private async Task<string?> AccountIdAsync(AwsStageContext context, CancellationToken ct)
    {
        var sts = clients.Query(AwsService.Sts, context.Target);
        var result = await AwsCalls.RunAsync("iam", "GetCallerIdentity", () => sts.CallAsync("GetCallerIdentity", null, ct)).ConfigureAwait(false);
        return result.Value("Account");
    }

    private sealed class Run(AwsStageContext context, IamClient iam, IamNames names, CancellationToken ct)
    {
        private readonly bool _dry = context.DryRun;

        /// <summary>Whether the role was there before this run: a role created now has no profiles or policies to read.</summary>
        private bool _roleExisted;

        public async Task<IamRole?> ReadRoleAsync()
        {
            var live = await Call($"role/{names.Role}", "GetRole", () => iam.GetRoleAsync(names.Role, ct)).ConfigureAwait(false);
            _roleExisted = live is not null;
            return live;
        }

        public async Task RoleAsync(IamRole? live, JsonObject trust, List<ResourceChange> changes)
        {
            var name = $"role/{names.Role}";
            if (live is null)
            {
                if (!_dry) await Call(name, "CreateRole", () => CreateRoleAsync(IamJson.Text(trust))).ConfigureAwait(false);
                changes.Add(new(Create(_dry), Kind, name, $"trust policy for pipeline type {context.PipelineType}"));
                return;
            }

            if (IamJson.Same(live.AssumeRolePolicyDocument, trust))
            {
                changes.Add(new(Unchanged, Kind, name));
                return;
            }

            if (!_dry) await Call(name, "UpdateAssumeRolePolicy", () => iam.UpdateAssumeRolePolicyAsync(names.Role, IamJson.Text(trust), ct)).ConfigureAwait(false);
            changes.Add(new(Update(_dry), Kind, name, $"trust policy replaced by the one for pipeline type {context.PipelineType}"));
        }

        public async Task ProfileAsync(List<ResourceChange> changes)
        {
            var name = $"instance-profile/{names.Profile}";
            var live = await Call(name, "GetInstanceProfile", () => iam.GetInstanceProfileAsync(names.Profile, ct)).ConfigureAwait(false);
            if (live is null)
            {
                if (!_dry)
                {
                    await Call(name, "CreateInstanceProfile", () => CreateProfileAsync()).ConfigureAwait(false);
                    await AttachAsync(name, []).ConfigureAwait(false);
                }

                changes.Add(new(Create(_dry), Kind, name, $"role {names.Role}"));
                return;
            }

            if (live.Roles.Count == 1 && live.Roles[0] == names.Role)
            {
                changes.Add(new(Unchanged, Kind, name));
                return;
            }

            if (!_dry) await AttachAsync(name, live.Roles).ConfigureAwait(false);
            var was = live.Roles.Count == 0 ? "" : $" (was {string.Join(", ", live.Roles)})";
            changes.Add(new(Update(_dry), Kind, name, $"role {names.Role}{was}"));
        }

        /// <summary>Foremast's <c>attach_profile_to_role</c>: the role leaves its other profiles, the profile loses other roles (one role per profile).</summary>
        private async Task AttachAsync(string name, IReadOnlyList<string> rolesInProfile)
        {
            foreach (var other in rolesInProfile.Where(r => r != names.Role))
            {
                await Call(name, "RemoveRoleFromInstanceProfile", () => iam.RemoveRoleFromInstanceProfileAsync(names.Profile, other, ct)).ConfigureAwait(false);
            }

            if (_roleExisted)
            {
                var profiles = await Call(name, "ListInstanceProfilesForRole", () => iam.ListInstanceProfilesForRoleAsync(names.Role, ct)).ConfigureAwait(false);
                foreach (var other in profiles.Where(p => p.InstanceProfileName != names.Profile))
                {
                    await Call(name, "RemoveRoleFromInstanceProfile", () => iam.RemoveRoleFromInstanceProfileAsync(other.InstanceProfileName, names.Role, ct)).ConfigureAwait(false);
                }
            }

            try
            {
                await Call(name, "AddRoleToInstanceProfile", () => iam.AddRoleToInstanceProfileAsync(names.Profile, names.Role, ct)).ConfigureAwait(false);
            }
            catch (AwsOperationException e) when (e.Code == "LimitExceeded")
            {
                // IAM is global: the same env's Infrastructure Setup in another region may have attached the role a moment ago
                // (the profile holds one role). That is the state we want; anything else in the profile is a real conflict.
                var now = await Call(name, "GetInstanceProfile", () => iam.GetInstanceProfileAsync(names.Profile, ct)).ConfigureAwait(false);
                if (now is not { Roles: [var only] } || only != names.Role) throw;
            }
        }

        public async Task PolicyAsync(JsonObject? desired, List<ResourceChange> changes)
        {
            var name = $"policy/{names.Policy}";
            var live = _roleExisted ? await Call(name, "GetRolePolicy", () => iam.GetRolePolicyAsync(names.Role, names.Policy, ct)).ConfigureAwait(false) : null;
            if (desired is null)
            {
                if (live is null) return;
                if (!_dry) await Call(name, "DeleteRolePolicy", () => iam.DeleteRolePolicyAsync(names.Role, names.Policy, ct)).ConfigureAwait(false);
                changes.Add(new(Delete(_dry), Kind, name, "services no longer configured"));
                return;
            }

            if (live is not null && IamJson.Same(live, desired))
            {
                changes.Add(new(Unchanged, Kind, name));
                return;
            }

            if (!_dry) await Call(name, "PutRolePolicy", () => iam.PutRolePolicyAsync(names.Role, names.Policy, IamJson.Text(desired), ct)).ConfigureAwait(false);
            var (added, removed) = IamJson.StatementChanges(live, desired);
            var detail = live is null ? $"{added} statement(s) on role {names.Role}" : $"{added} statement(s) added, {removed} removed";
            changes.Add(new(live is null ? Create(_dry) : Update(_dry), Kind, name, detail));
        }

        public async Task UserAndGroupAsync(List<ResourceChange> changes)
        {
            var userName = $"user/{names.User}";
            var userExists = await Call(userName, "GetUser", () => iam.UserExistsAsync(names.User, ct)).ConfigureAwait(false);
            if (!userExists && !_dry) await Call(userName, "CreateUser", () => Tolerate(iam.CreateUserAsync(names.User, ct))).ConfigureAwait(false);
            changes.Add(new(userExists ? Unchanged : Create(_dry), Kind, userName));

            var groupName = $"group/{names.Group}";
            var group = await Call(groupName, "GetGroup", () => iam.GetGroupAsync(names.Group, ct)).ConfigureAwait(false);
            if (group is null && !_dry) await Call(groupName, "CreateGroup", () => Tolerate(iam.CreateGroupAsync(names.Group, ct))).ConfigureAwait(false);
            var member = group?.Users.Contains(names.User) == true;
            if (!member && !_dry) await Call(groupName, "AddUserToGroup", () => iam.AddUserToGroupAsync(names.Group, names.User, ct)).ConfigureAwait(false);
            var verb = group is null ? Create(_dry) : member ? Unchanged : Update(_dry);
            changes.Add(new(verb, Kind, groupName, member ? null : $"member {names.User}"));
        }

        /// <summary>A replayed activity (or a parallel run) may have created it between our read and our write: found, as Foremast treated it.</summary>
        private async Task<IamRole> CreateRoleAsync(string trust)
        {
            try
            {
                return await iam.CreateRoleAsync(names.Role, trust, ct).ConfigureAwait(false);
            }
            catch (AwsServiceException e) when (e.Code == "EntityAlreadyExists")
            {
                var found = await iam.GetRoleAsync(names.Role, ct).ConfigureAwait(false);
                if (found is null) throw;
                return found;
            }
        }

        private Task CreateProfileAsync() => Tolerate(iam.CreateInstanceProfileAsync(names.Profile, ct));

        private static async Task Tolerate(Task create)
        {
            try
            {
                await create.ConfigureAwait(false);
            }
            catch (AwsServiceException e) when (e.Code == "EntityAlreadyExists")
            {
                // Already there: the state we wanted.
            }
        }

        private static Task<T> Call<T>(string name, string operation, Func<Task<T>> call) => AwsCalls.RunAsync($"iam {name}", operation, call);

        private static Task Call(string name, string operation, Func<Task> call) => AwsCalls.RunAsync($"iam {name}", operation, call);
    }
}
