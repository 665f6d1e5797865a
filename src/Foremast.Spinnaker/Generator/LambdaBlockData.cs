using Scriban.Runtime;

namespace Foremast.Spinnaker.Generator;

/// <summary>The lambda-only <c>data.app.*</c> keys of Foremast's <c>construct_pipeline_block_lambda</c>.</summary>
internal static class LambdaBlockData
{
    public static void Add(BlockContext block, ScriptObject settings, ScriptObject app)
    {
        app["az_dict"] = block.AvailabilityZones();
        app["encoded_user_data"] = block.UserData.Encoded(block.Env.Env, block.Region, canary: false);
        app["instance_security_groups"] = block.InstanceSecurityGroups(settings);
        app["function_name"] = block.Model.PipelineValue("lambda", "handler");
        app["lambda_package_type"] = block.Model.PipelineValue("lambda", "package_type");
    }
}
