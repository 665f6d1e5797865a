using Foremast.Aws.Converge;
using Foremast.Aws.LoadBalancers.Classic;
using Foremast.Aws.LoadBalancers.Desired;
using Foremast.Aws.LoadBalancers.V2;
using Foremast.Core.Config.Settings;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Aws.LoadBalancers;

/// <summary>
/// Infrastructure Setup's load balancer <c>{app}</c> for one env and region, as desired state: Foremast's classic ELB when
/// <c>elb.type</c> is absent or <c>classic</c>, an ELBv2 application or network load balancer with its target group otherwise.
/// A dry run (read-only session) computes the same plan and reports it with "would …" verbs.
/// </summary>
public sealed class LoadBalancerResource(AwsClientBuilder clients)
{
    public string Kind => ResourceKinds.LoadBalancer;

    /// <exception cref="AwsOperationException">An AWS error or a missing prerequisite, as one line.</exception>
    /// <exception cref="StageSettingsException">The <c>elb</c> block does not have the expected shape.</exception>
    public async Task<ResourceResult> ConvergeAsync(AwsStageContext ctx, CancellationToken cancellationToken)
    {
        // Foremast makes no load balancer for Eureka apps (they find each other through discovery).
        if (AppFlags.EurekaEnabled(ctx.Settings)) return new ResourceResult([]);
        var settings = ElbSettings.From(ctx.Settings);
        var session = clients.Session(ctx.Target);
        var name = ctx.Names.Name("elb_app");
        try
        {
            var desired = await new DesiredLoadBalancerBuilder(clients).BuildAsync(ctx, session, settings, cancellationToken).ConfigureAwait(false);
            var change = settings.IsClassic
                ? await new ClassicLoadBalancerConverger().ConvergeAsync(desired, session, ctx.DryRun, cancellationToken).ConfigureAwait(false)
                : await new ElbV2LoadBalancerConverger().ConvergeAsync(desired, session, ctx.DryRun, cancellationToken).ConfigureAwait(false);
            return new ResourceResult([change]);
        }
        catch (AwsServiceException e)
        {
            throw AwsOperationException.From(Kind, name, e);
        }
        catch (AwsConfigurationException e)
        {
            throw new AwsOperationException($"{Kind} {name}: {e.Message}", e);
        }
        catch (Amazon.Runtime.AmazonServiceException e)
        {
            throw AwsOperationException.From(Kind, name, "EC2", e);
        }
        catch (FormatException e)
        {
            throw new AwsOperationException($"{Kind} {name}: {e.Message}", e);
        }
    }
}
