using Amazon.EC2;
using Amazon.S3;
using Foremast.Aws.Http;
using Foremast.Core.Config.Aws;

namespace Foremast.Aws;

/// <summary>
/// Every AWS client for one env (account) and region, all behind the same guard and retry pipeline. A read-only session
/// (a dry run) refuses every mutating call before it is sent, whoever makes it.
/// </summary>
public sealed class AwsSession(AwsTarget target, AwsClientBuilder clients)
{
    public AwsTarget Target { get; } = target;

    public string Env => Target.Env;

    public string Region => Target.Region;

    public bool ReadOnly => Target.ReadOnly;

    /// <summary>The run's <c>aws</c> settings (accounts, subnet overrides).</summary>
    public AwsSettings Settings => Target.Settings;

    public IAmazonEC2 Ec2 => clients.Ec2(Target);

    public IAmazonS3 S3 => clients.S3(Target);

    public AwsQueryClient Iam => clients.Query(AwsService.Iam, Target);

    public AwsQueryClient Elb => clients.Query(AwsService.ElasticLoadBalancing, Target);

    public AwsQueryClient ElbV2 => clients.Query(AwsService.ElasticLoadBalancingV2, Target);

    public AwsQueryClient AutoScaling => clients.Query(AwsService.AutoScaling, Target);

    public AwsQueryClient CloudWatch => clients.Query(AwsService.CloudWatch, Target);

    public AwsRestXmlClient Route53 => clients.RestXml(AwsService.Route53, Target);
}
