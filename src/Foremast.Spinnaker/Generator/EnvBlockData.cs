using Foremast.Core.Config;
using Foremast.Core.Plan;
using Foremast.Spinnaker.Lookups;
using Scriban.Runtime;

namespace Foremast.Spinnaker.Generator;

/// <summary>
/// The <c>data</c> a per-env block template sees: a copy of <c>settings[env][region]</c> plus the computed
/// <c>data.app.*</c> keys of Foremast's <c>construct_pipeline_block*</c>. Type-specific keys come from
/// <see cref="Ec2BlockData"/> and <see cref="LambdaBlockData"/>.
/// </summary>
internal static class EnvBlockData
{
    public static ScriptObject Build(BlockContext block)
    {
        var settings = block.Model.SettingsFor(block.Env.Env, block.Region);
        var data = ScriptValues.Copy(settings);
        var app = ScriptValues.Copy(settings["app"]);
        data["app"] = app;

        if (block.Snapshot.Settings.IsEc2Type(block.Snapshot.PipelineType)) Ec2BlockData.Add(block, settings, data, app);
        else if (block.Snapshot.PipelineType == "lambda") LambdaBlockData.Add(block, settings, app);

        app["appname"] = block.Snapshot.App;
        app["approval_skip"] = block.Env.ApprovalSkip;
        app["repo_name"] = block.Model.Names.Repo;
        app["group_name"] = block.Model.Names.Project;
        app["environment"] = block.Env.Env;
        app["region"] = block.Region;
        app["previous_env"] = block.Env.PreviousEnv;
        app["promote_restrict"] = block.Model.PipelineValue("promote_restrict");
        app["owner_email"] = block.Model.PipelineValue("owner_email");
        app["pipeline"] = block.Model.Pipeline;
        return data;
    }
}

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
