using Foremast.Aws.Bake;
using Foremast.Aws.Credentials;
using Foremast.Aws.Deploy;
using Foremast.Aws.Dns;
using Foremast.Aws.Executors;
using Foremast.Aws.Health;
using Foremast.Aws.Iam;
using Foremast.Aws.LoadBalancers;
using Foremast.Aws.Lookups;
using Foremast.Aws.S3;
using Foremast.Aws.Safety;
using Foremast.Aws.Scaling;
using Foremast.Aws.SecurityGroups;
using Foremast.Workflows.Activities.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Foremast.Aws.Extensions;

/// <summary>The one place that wires the AWS layer into a host.</summary>
public static class AwsServiceCollectionExtensions
{
    /// <summary>Registers the client builder (options from <c>Foremast:Aws</c>).</summary>
    public static IServiceCollection AddForemastAwsClients(this IServiceCollection services)
    {
        services.AddOptions<AwsOptions>().BindConfiguration(AwsOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AwsOptions>, WebIdentityOptionsValidator>());
        services.TryAddSingleton(sp => CredentialsResolver(sp.GetRequiredService<IOptions<AwsOptions>>().Value));
        services.TryAddSingleton(sp => new AwsClientBuilder(
            sp.GetRequiredService<IOptions<AwsOptions>>().Value,
            sp.GetRequiredService<AwsCredentialsResolver>(),
            sp.GetServices<IAwsCallObserver>(),
            sp.GetService<ILoggerFactory>()));
        // GET /api/health's aws field (a host without AWS clients reports "not configured").
        services.TryAddSingleton(sp => new AwsReachability(sp.GetRequiredService<AwsClientBuilder>(), sp.GetRequiredService<IOptions<AwsOptions>>().Value));
        return services;
    }

    /// <summary>
    /// With <c>Foremast:Aws:WebIdentity:RoleArn</c> set, every account's base credentials are the managed identity's exchange
    /// (one cached session for the process); otherwise the SDK's default chain.
    /// </summary>
    private static AwsCredentialsResolver CredentialsResolver(AwsOptions aws)
    {
        if (!aws.WebIdentity.Enabled) return new AwsCredentialsResolver();
        var exchange = new Lazy<Amazon.Runtime.AWSCredentials>(() => ManagedIdentityWebIdentityCredentials.Create(aws));
        return new AwsCredentialsResolver(baseCredentials: () => exchange.Value);
    }

    /// <summary>
    /// Registers the live AWS executors for every cloud stage: the five infrastructure resource kinds, bake, deploy and scaling,
    /// and the live generator lookups (<see cref="AwsEnvironmentLookups"/>).
    /// Call it before <c>AddForemastWorkflows</c>, whose recording defaults are TryAdd. Whether a run is dry stays the run's
    /// decision: these executors then only read (their sessions refuse any write) and report what would change.
    /// </summary>
    public static IServiceCollection AddForemastAwsExecutors(this IServiceCollection services)
    {
        services.AddForemastAwsClients();
        services.TryAddSingleton(sp => new IamResource(sp.GetRequiredService<AwsClientBuilder>()));
        services.TryAddSingleton(sp => new SecurityGroupResource(sp.GetRequiredService<AwsClientBuilder>()));
        services.TryAddSingleton(sp => new S3Resource(sp.GetRequiredService<AwsClientBuilder>()));
        services.TryAddSingleton(sp => new LoadBalancerResource(sp.GetRequiredService<AwsClientBuilder>()));
        services.TryAddSingleton(sp => new DnsResource(sp.GetRequiredService<AwsClientBuilder>()));
        services.AddSingleton<IInfrastructureResource>(sp => new AwsInfrastructureResource(ResourceKinds.Iam, sp.GetRequiredService<IamResource>().ConvergeAsync));
        services.AddSingleton<IInfrastructureResource>(sp => new AwsInfrastructureResource(ResourceKinds.SecurityGroup, sp.GetRequiredService<SecurityGroupResource>().ConvergeAsync));
        services.AddSingleton<IInfrastructureResource>(sp => new AwsInfrastructureResource(ResourceKinds.S3, sp.GetRequiredService<S3Resource>().ConvergeAsync));
        services.AddSingleton<IInfrastructureResource>(sp => new AwsInfrastructureResource(ResourceKinds.LoadBalancer, sp.GetRequiredService<LoadBalancerResource>().ConvergeAsync));
        services.AddSingleton<IInfrastructureResource>(sp => new AwsInfrastructureResource(ResourceKinds.Dns, sp.GetRequiredService<DnsResource>().ConvergeAsync));

        services.TryAddSingleton(sp => new AmiBaker(sp.GetRequiredService<AwsClientBuilder>()));
        services.TryAddSingleton(sp => new Ec2Deployer(sp.GetRequiredService<AwsClientBuilder>()));
        services.TryAddSingleton(sp => new ScalingPolicyAttacher(sp.GetRequiredService<AwsClientBuilder>()));
        services.AddSingleton<IBaker>(sp => new AwsBaker(sp.GetRequiredService<AmiBaker>()));
        services.AddSingleton<IDeployer>(sp => new AwsDeployer(sp.GetRequiredService<Ec2Deployer>(), AwsStageContext.From));
        services.AddSingleton<IScaling>(sp => new AwsScaling(sp.GetRequiredService<ScalingPolicyAttacher>(), AwsStageContext.From));

        // The generated pipelines of a run (and `foremast generate --lookups aws`) then carry the account's AMIs, zones and ids.
        services.TryAddSingleton(sp => new AwsEnvironmentLookups(sp.GetRequiredService<AwsClientBuilder>(), new HttpClient()));
        services.TryAddSingleton<ILookupsProvider>(sp => sp.GetRequiredService<AwsEnvironmentLookups>());
        return services;
    }
}
