namespace Foremast.Aws.LoadBalancers.Classic;

/// <summary>The policies that exist on a load balancer (SDK <c>Policies</c>), whether or not a listener uses them.</summary>
public sealed record ClassicPolicies(
    IReadOnlyList<AppCookieStickinessPolicy> AppCookieStickinessPolicies,
    IReadOnlyList<LBCookieStickinessPolicy> LBCookieStickinessPolicies,
    IReadOnlyList<string> OtherPolicies)
{
    public static readonly ClassicPolicies None = new([], [], []);

    public bool Contains(string policyName) =>
        AppCookieStickinessPolicies.Any(p => p.PolicyName == policyName) || LBCookieStickinessPolicies.Any(p => p.PolicyName == policyName) || OtherPolicies.Contains(policyName);
}
