using Foremast.Aws;
using Foremast.Aws.Extensions;
using Microsoft.Extensions.DependencyInjection;

namespace Foremast.Cli.Extensions;

/// <summary>The live AWS executors, registered when this machine names an account (commands that execute stages outside the engine).</summary>
public static class AwsRegistrations
{
    public static void Configure(IServiceCollection services)
    {
        var enabled = bool.TryParse(Environment.GetEnvironmentVariable("Foremast__Aws__Enabled"), out var value) ? value : (bool?)null;
        if (AwsActivation.IsEnabled(enabled, webIdentityRoleArn: Environment.GetEnvironmentVariable("Foremast__Aws__WebIdentity__RoleArn"))) services.AddForemastAwsExecutors();
    }
}
