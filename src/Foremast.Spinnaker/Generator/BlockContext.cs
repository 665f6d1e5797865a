using Foremast.Core.Config;
using Foremast.Core.Plan;
using Foremast.Spinnaker.Lookups;
using Scriban.Runtime;

namespace Foremast.Spinnaker.Generator;

/// <summary>Everything one env block is built from.</summary>
internal sealed record BlockContext(ConfigSnapshot Snapshot, SnapshotModel Model, IEnvironmentLookups Lookups, UserData UserData, string Region, EnvBlock Env)
{
    /// <summary>Foremast's <c>region_subnets</c>: <c>{region: [availability zones]}</c>.</summary>
    public ScriptObject AvailabilityZones() => new()
    {
        [Region] = ScriptValues.Array(Lookups.AvailabilityZones(Env.Env, Region) ?? []),
    };

    /// <summary><c>default_ec2_securitygroups[env]</c> sorted, the app's group, the env's <c>instance_extras</c>, minus replaced aliases.</summary>
    public ScriptArray InstanceSecurityGroups(ScriptObject settings)
    {
        var groups = Snapshot.Settings.DefaultEc2SecurityGroups.GetValueOrDefault(Env.Env, []).Order(StringComparer.Ordinal).ToList();
        groups.Add(Model.Names.Name("security_group_app"));
        if (settings["security_group"] is ScriptObject sg && sg["instance_extras"] is ScriptArray extras)
        {
            groups.AddRange(extras.Select(e => e?.ToString() ?? ""));
        }

        // remove_duplicate_sg: only alias pairs from securitygroup_replacements are de-duplicated, as in Foremast.
        foreach (var (group, alias) in Snapshot.Settings.SecurityGroupReplacements)
        {
            if (groups.Contains(group) && groups.Contains(alias)) groups.Remove(alias);
        }

        return ScriptValues.Array(groups);
    }
}
