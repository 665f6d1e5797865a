using Amazon.EC2;
using Amazon.EC2.Model;
using Foremast.Aws.Converge;
using Foremast.Core.Config.Settings;
using Foremast.Workflows.Activities.Interfaces;
using static Foremast.Aws.Converge.Verbs;

namespace Foremast.Aws.SecurityGroups;

/// <summary>
/// Kind <c>securitygroup</c>: the app's group (<c>security_group_app</c>, default <c>{app}</c>) in the env's VPC, tagged
/// <c>app_group</c>/<c>app_name</c>, whose ingress is exactly <c>base.default_securitygroup_rules</c> + <c>security_group.ingress</c>
/// and whose egress is exactly <c>security_group.egress</c>. Unlike Foremast, rules that left the config are revoked and egress
/// is managed. Rules are compared one peer at a time (protocol, ports, peer), so order and grouping never matter.
/// A group a rule names must already exist: nothing is written until every name is found.
/// </summary>
public sealed class SecurityGroupResource(AwsClientBuilder clients)
{
    public const string Kind = ResourceKinds.SecurityGroup;

    /// <summary>Stands for the id of a group a dry run would create (rules referring to it by <c>$self</c>).</summary>
    private const string NewGroupId = "sg-(new)";

    public async Task<ResourceResult> ConvergeAsync(AwsStageContext context, CancellationToken cancellationToken)
    {
        var name = context.Names.Name("security_group_app");
        var resource = $"{Kind} {name}";
        var settings = SecurityGroupSettings.From(context.Settings, $"application-master-{context.Env}.json");
        var defaults = SecurityGroupSettings.Rules(context.Global.DefaultSecurityGroupRules, "foremast config", "$.base.default_securitygroup_rules");
        var ingress = SgDesired.Prepare(defaults.Concat(settings.Ingress), name, context.Global.SecurityGroupReplacements);
        var egress = SgDesired.Prepare(settings.Egress, name, context.Global.SecurityGroupReplacements);

        var session = clients.Session(context.Target);
        var ec2 = session.Ec2;
        var vpc = await SgLookup.VpcAsync(session, resource, context.Global.VpcName, cancellationToken).ConfigureAwait(false);
        var all = ingress.Concat(egress).ToList();
        var localNames = all.Where(r => !r.IsCidr && !SgDesired.IsCrossEnv(r, context.Env)).Select(r => r.Source).Append(name);
        var found = await SgLookup.ByNameAsync(ec2, resource, vpc, localNames, cancellationToken).ConfigureAwait(false);
        var own = found.GetValueOrDefault(name);
        var peers = found.Values.ToDictionary(g => (context.Env, g.GroupName), g => new SgPeer(g.GroupName, g.GroupId, g.OwnerId, g.VpcId));
        await CrossEnvPeersAsync(context, resource, all, peers, cancellationToken).ConfigureAwait(false);
        if (own is null) peers[(context.Env, name)] = new SgPeer(name, NewGroupId, null, vpc);
        RequireSources(context, resource, vpc, all, peers);

        // Resolving before any write also checks every CIDR: a bad one fails the stage with nothing created.
        var wantIn = SgDesired.Resolve(ingress, context.Env, peers);
        var wantOut = SgDesired.Resolve(egress, context.Env, peers);
        var names = peers.Values.GroupBy(p => p.GroupId).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);

        var dry = context.DryRun;
        var existed = own is not null;
        var groupId = own?.GroupId;
        if (own is null && !dry)
        {
            groupId = await CreateAsync(ec2, resource, name, settings.Description ?? $"Auto-Gen SG for {context.App}", vpc, context.Tags, cancellationToken).ConfigureAwait(false);
            peers[(context.Env, name)] = new SgPeer(name, groupId, null, vpc);
            names[groupId] = name;
            wantIn = SgDesired.Resolve(ingress, context.Env, peers);
            wantOut = SgDesired.Resolve(egress, context.Env, peers);
            own = await DescribeAsync(ec2, resource, groupId, cancellationToken).ConfigureAwait(false);
        }

        // A group created here starts with AWS's default egress (all traffic to 0.0.0.0/0); a dry run assumes the same.
        var haveIn = own is null ? [] : SgPermissions.Flatten(own.IpPermissions, names);
        var haveOut = own is null ? [new SgRule(new SgRuleKey("-1", -1, -1, "0.0.0.0/0"), "0.0.0.0/0")] : SgPermissions.Flatten(own.IpPermissionsEgress, names);
        var diff = new SgDiff(Missing(wantIn, haveIn), Missing(haveIn, wantIn), Missing(wantOut, haveOut), Missing(haveOut, wantOut), MissingTags(own, context.Tags));

        if (!dry && groupId is not null) await ApplyAsync(ec2, resource, groupId, diff, cancellationToken).ConfigureAwait(false);
        var verb = !existed ? Create(dry) : diff.IsEmpty ? Unchanged : Update(dry);
        return new ResourceResult([new ResourceChange(verb, Kind, name, diff.IsEmpty ? null : diff.Describe(creating: !existed))]);
    }

    private static List<SgRule> Missing(IEnumerable<SgRule> wanted, IEnumerable<SgRule> present)
    {
        var keys = present.Select(r => r.Key).ToHashSet();
        return wanted.Where(r => !keys.Contains(r.Key)).DistinctBy(r => r.Key).ToList();
    }

    private static Dictionary<string, string> MissingTags(SecurityGroup? group, IReadOnlyDictionary<string, string> tags)
    {
        var live = (group?.Tags ?? []).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        return group is null ? [] : tags.Where(t => live.GetValueOrDefault(t.Key) != t.Value).ToDictionary(StringComparer.Ordinal);
    }

    /// <summary>Foremast's cross-account rules: the source group is looked up by name in the other env's account and VPC, same region.</summary>
    private async Task CrossEnvPeersAsync(AwsStageContext context, string resource, List<SecurityGroupRuleSetting> rules, Dictionary<(string, string), SgPeer> peers, CancellationToken ct)
    {
        foreach (var group in rules.Where(r => SgDesired.IsCrossEnv(r, context.Env)).GroupBy(r => r.Env!))
        {
            var other = clients.Session(new AwsTarget(group.Key, context.Region, ReadOnly: true, context.Global.Aws));
            var vpc = await SgLookup.VpcAsync(other, resource, context.Global.VpcName, ct).ConfigureAwait(false);
            var found = await SgLookup.ByNameAsync(other.Ec2, resource, vpc, group.Select(r => r.Source), ct).ConfigureAwait(false);
            foreach (var g in found.Values) peers[(group.Key, g.GroupName)] = new SgPeer(g.GroupName, g.GroupId, g.OwnerId, g.VpcId);
        }
    }

    private static void RequireSources(AwsStageContext context, string resource, string vpc, List<SecurityGroupRuleSetting> rules, Dictionary<(string, string), SgPeer> peers)
    {
        var missing = rules.Where(r => !r.IsCidr)
            .Select(r => (Env: SgDesired.IsCrossEnv(r, context.Env) ? r.Env! : context.Env, r.Source, r.Origin))
            .Where(r => !peers.ContainsKey((r.Env, r.Source)))
            .DistinctBy(r => (r.Env, r.Source))
            .ToList();
        if (missing.Count == 0) return;
        var list = string.Join("; ", missing.Select(m => m.Env == context.Env
            ? $"\"{m.Source}\" (named in {m.Origin}) does not exist in VPC {vpc}"
            : $"\"{m.Source}\" (named in {m.Origin}) does not exist in env {m.Env}'s VPC {context.Global.VpcName}"));
        throw new AwsConfigurationException($"{resource} (env {context.Env}, region {context.Region}): security group {list}; create it or remove the rule");
    }

    /// <summary>A replayed activity (or a parallel run) may have created the group since we looked: that group is ours.</summary>
    private static async Task<string> CreateAsync(IAmazonEC2 ec2, string resource, string name, string description, string vpc, IReadOnlyDictionary<string, string> tags, CancellationToken ct)
    {
        try
        {
            var response = await AwsCalls.RunAsync(resource, "CreateSecurityGroup", () => ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
            {
                GroupName = name,
                Description = description,
                VpcId = vpc,
                TagSpecifications = [new TagSpecification { ResourceType = ResourceType.SecurityGroup, Tags = tags.Select(t => new Tag(t.Key, t.Value)).ToList() }],
            }, ct)).ConfigureAwait(false);
            return response.GroupId;
        }
        catch (AwsOperationException e) when (e.Code == "InvalidGroup.Duplicate")
        {
            var found = await SgLookup.ByNameAsync(ec2, resource, vpc, [name], ct).ConfigureAwait(false);
            if (!found.TryGetValue(name, out var group)) throw;
            return group.GroupId;
        }
    }

    private static async Task<SecurityGroup> DescribeAsync(IAmazonEC2 ec2, string resource, string groupId, CancellationToken ct)
    {
        var response = await AwsCalls.RunAsync(resource, "DescribeSecurityGroups", () => ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [groupId] }, ct)).ConfigureAwait(false);
        return response.SecurityGroups.Single();
    }

    /// <summary>New rules go in before old ones go out, so a changed port is never closed on both for a moment.</summary>
    private static async Task ApplyAsync(IAmazonEC2 ec2, string resource, string groupId, SgDiff diff, CancellationToken ct)
    {
        if (diff.AddIn.Count > 0)
        {
            await AwsCalls.RunAsync(resource, "AuthorizeSecurityGroupIngress", () => ec2.AuthorizeSecurityGroupIngressAsync(
                new AuthorizeSecurityGroupIngressRequest { GroupId = groupId, IpPermissions = SgPermissions.Group(diff.AddIn) }, ct)).ConfigureAwait(false);
        }

        if (diff.AddOut.Count > 0)
        {
            await AwsCalls.RunAsync(resource, "AuthorizeSecurityGroupEgress", () => ec2.AuthorizeSecurityGroupEgressAsync(
                new AuthorizeSecurityGroupEgressRequest { GroupId = groupId, IpPermissions = SgPermissions.Group(diff.AddOut) }, ct)).ConfigureAwait(false);
        }

        if (diff.RemoveIn.Count > 0)
        {
            await AwsCalls.RunAsync(resource, "RevokeSecurityGroupIngress", () => ec2.RevokeSecurityGroupIngressAsync(
                new RevokeSecurityGroupIngressRequest { GroupId = groupId, IpPermissions = SgPermissions.Group(diff.RemoveIn) }, ct)).ConfigureAwait(false);
        }

        if (diff.RemoveOut.Count > 0)
        {
            await AwsCalls.RunAsync(resource, "RevokeSecurityGroupEgress", () => ec2.RevokeSecurityGroupEgressAsync(
                new RevokeSecurityGroupEgressRequest { GroupId = groupId, IpPermissions = SgPermissions.Group(diff.RemoveOut) }, ct)).ConfigureAwait(false);
        }

        if (diff.Tags.Count > 0)
        {
            await AwsCalls.RunAsync(resource, "CreateTags", () => ec2.CreateTagsAsync(
                new CreateTagsRequest { Resources = [groupId], Tags = diff.Tags.Select(t => new Tag(t.Key, t.Value)).ToList() }, ct)).ConfigureAwait(false);
        }
    }
}
