using Scriban.Runtime;

namespace Foremast.Spinnaker.Generator;

/// <summary>The EC2 <c>data.app.*</c> and <c>data.asg.*</c> keys of Foremast's <c>ec2_pipeline_setup</c>.</summary>
internal static class Ec2BlockData
{
    public static void Add(BlockContext block, ScriptObject settings, ScriptObject data, ScriptObject app)
    {
        var env = block.Env.Env;
        var region = block.Region;
        var sourceApp = settings["app"] as ScriptObject;
        var asg = ScriptValues.Copy(settings["asg"]);
        data["asg"] = asg;
        var eureka = IsTrue(sourceApp?["eureka_enabled"]);

        var providers = HealthProviders(asg["provider_healthcheck"] as ScriptObject, eureka);
        asg["hc_type"] = env == "dev" || eureka ? "EC2" : (asg["hc_type"]?.ToString() ?? "").ToUpperInvariant();
        asg["hc_grace_period"] = AsLong(asg["hc_grace_period"]) + AsLong(asg["app_grace_period"]);
        asg["ssh_keypair"] = asg["ssh_keypair"] is string { Length: > 0 } keypair ? keypair : $"{env}_{region}_default";
        asg["provider_healthcheck"] = ScriptValues.Array(providers);
        asg["has_provider_healthcheck"] = providers.Count > 0;
        asg["asg_whitelist"] = block.Snapshot.Settings.AsgWhitelist;

        if (IsTrue(sourceApp?["canary"])) app["canary_encoded_user_data"] = block.UserData.Encoded(env, region, canary: true);

        // ELBv2 (elb.type application/network) attaches through its target group, named like the classic ELB;
        // Foremast always put the name in loadBalancers, which Spinnaker only resolves for classic ELBs.
        var elbName = block.Model.Names.Name("elb_app");
        var elbV2 = settings["elb"] is ScriptObject elb && elb["type"] is "application" or "network";
        app["elb"] = ScriptValues.Array(eureka || elbV2 ? [] : [elbName]);
        app["target_groups"] = !eureka && elbV2 ? ScriptValues.Array([elbName]) : null;

        app["az_dict"] = block.AvailabilityZones();
        app["encoded_user_data"] = block.UserData.Encoded(env, region, canary: false);
        app["instance_security_groups"] = block.InstanceSecurityGroups(settings);
        app["scalingpolicy"] = asg["scaling_policy"] is ScriptObject { Count: > 0 };
    }

    /// <summary>
    /// Foremast's <c>check_provider_healthcheck</c>: the capitalised names of active providers, in config order;
    /// with Eureka the Discovery provider is forced on (added if absent).
    /// </summary>
    private static List<string> HealthProviders(ScriptObject? configured, bool eureka)
    {
        var providers = new List<KeyValuePair<string, bool>>();
        if (configured is not null)
        {
            foreach (var (name, active) in configured) providers.Add(new(name, IsTrue(active)));
        }

        if (eureka)
        {
            var index = providers.FindIndex(p => string.Equals(p.Key, "discovery", StringComparison.OrdinalIgnoreCase));
            if (index >= 0) providers[index] = new(providers[index].Key, true);
            else providers.Add(new("Discovery", true));
        }

        return providers.Where(p => p.Value).Select(p => Capitalize(p.Key)).ToList();
    }

    // Python's str.capitalize: first letter upper, the rest lower.
    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant();

    private static bool IsTrue(object? value) => value switch
    {
        null => false,
        bool b => b,
        long l => l != 0,
        double d => d != 0,
        string s => s.Length > 0,
        _ => true,
    };

    private static long AsLong(object? value) => value switch
    {
        long l => l,
        double d => (long)d,
        string s when long.TryParse(s, out var l) => l,
        _ => 0,
    };
}
