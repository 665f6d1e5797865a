namespace Foremast.Aws.LoadBalancers;

/// <summary>
/// The Route53 hosted zone of Elastic Load Balancing's DNS names per region (AWS's published table; classic and application
/// load balancers share it). Used only when <c>DescribeLoadBalancers</c> leaves <c>CanonicalHostedZoneNameID</c> out, as moto does.
/// </summary>
public static class ElbHostedZones
{
    private static readonly IReadOnlyDictionary<string, string> ByRegion = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["us-east-1"] = "Z35SXDOTRQ7X7K",
        ["us-east-2"] = "Z3AADJGX6KTTL2",
        ["us-west-1"] = "Z368ELLRRE2KJ0",
        ["us-west-2"] = "Z1H1FL5HABSF5",
        ["ca-central-1"] = "ZQSVJUPU6J1EY",
        ["eu-west-1"] = "Z32O12XQLNTSW2",
        ["eu-west-2"] = "ZHURV8PSTC4K8",
        ["eu-west-3"] = "Z3Q77PNBQS71R4",
        ["eu-central-1"] = "Z215JYRZR1TBD5",
        ["eu-north-1"] = "Z23TAZ7KLA5Y7Y",
        ["ap-south-1"] = "ZP97RAFLXTNZK",
        ["ap-northeast-1"] = "Z14GRHDCWA56QT",
        ["ap-northeast-2"] = "ZWKZPGTI48KDX",
        ["ap-southeast-1"] = "Z1LMS91P8CMLE5",
        ["ap-southeast-2"] = "Z1GM3OXH4ZPM65",
        ["sa-east-1"] = "Z2P70J7HTTTPLU",
    };

    public static string? For(string region) => ByRegion.GetValueOrDefault(region);
}
