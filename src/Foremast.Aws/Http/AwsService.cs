namespace Foremast.Aws.Http;

/// <summary>
/// One AWS API as the hand-written clients need it. <see cref="SigningName"/> is also how moto routes a request, so it must be
/// the real one; <see cref="EnvName"/> is the <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> suffix the SDKs use.
/// </summary>
/// <param name="Global">IAM and Route53 have one endpoint and sign in us-east-1 whatever the region.</param>
public sealed record AwsService(string Name, string SigningName, string EnvName, string? Version, string HostPrefix, bool Global = false)
{
    public static readonly AwsService Ec2 = new("EC2", "ec2", "EC2", "2016-11-15", "ec2");
    public static readonly AwsService S3 = new("S3", "s3", "S3", null, "s3");
    public static readonly AwsService Sts = new("STS", "sts", "STS", "2011-06-15", "sts");
    public static readonly AwsService Iam = new("IAM", "iam", "IAM", "2010-05-08", "iam", Global: true);
    public static readonly AwsService ElasticLoadBalancing = new("ELB", "elasticloadbalancing", "ELASTIC_LOAD_BALANCING", "2012-06-01", "elasticloadbalancing");
    public static readonly AwsService ElasticLoadBalancingV2 = new("ELBv2", "elasticloadbalancing", "ELASTIC_LOAD_BALANCING_V2", "2015-12-01", "elasticloadbalancing");
    public static readonly AwsService AutoScaling = new("AutoScaling", "autoscaling", "AUTO_SCALING", "2011-01-01", "autoscaling");
    public static readonly AwsService CloudWatch = new("CloudWatch", "monitoring", "CLOUDWATCH", "2010-08-01", "monitoring");
    public static readonly AwsService Route53 = new("Route53", "route53", "ROUTE_53", "2013-04-01", "route53", Global: true);

    /// <summary>The region a request is signed for.</summary>
    public string SigningRegion(string region) => Global ? "us-east-1" : region;
}
