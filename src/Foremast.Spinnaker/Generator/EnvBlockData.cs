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
