using Foremast.Core.Config;
using Foremast.Spinnaker.Lookups;
using Scriban.Runtime;

namespace Foremast.Spinnaker.Generator;

/// <summary>The <c>data</c> the wrapper template sees (Foremast's <c>render_wrapper</c>).</summary>
internal static class WrapperData
{
    public static ScriptObject Build(ConfigSnapshot snapshot, SnapshotModel model, IEnvironmentLookups lookups, string region, string? id)
    {
        var baseName = model.PipelineText("base") ?? "tomcat8";
        var builder = model.PipelineText("image", "builder") ?? "ebs";
        var app = new ScriptObject
        {
            // Without a known AMI the alias passes through, as Foremast's ami_lookup does without an AMI source.
            ["ami_id"] = lookups.AmiId(region, baseName) ?? baseName,
            ["appname"] = snapshot.App,
            ["group_name"] = model.Names.Project,
            ["repo_name"] = model.Names.Repo,
            ["base"] = baseName,
            ["deploy_type"] = snapshot.PipelineType,
            ["environment"] = "packaging",
            ["region"] = region,
            ["triggerjob"] = model.Names.Name("jenkins_job_name"),
            ["run_as_user"] = snapshot.Settings.DefaultRunAsUser,
            ["email"] = NonEmpty(model.PipelineText("notifications", "email")),
            ["slack"] = NonEmpty(model.PipelineText("notifications", "slack")),
            ["root_volume_size"] = model.PipelineValue("image", "root_volume_size"),
            ["bake_instance_type"] = model.PipelineValue("image", "bake_instance_type"),
            ["ami_template_file"] = $"aws_{region}_{builder}.json",
            ["pipeline"] = model.Pipeline,
        };
        return new ScriptObject { ["app"] = app, ["id"] = id };
    }

    // Empty strings are "not set" in Foremast's Jinja tests; null keeps them falsy in Scriban too.
    internal static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
