namespace Foremast.Aws.LoadBalancers.Classic;

/// <summary>Stickiness by the load balancer's own cookie (SDK <c>LBCookieStickinessPolicy</c>); no period means the browser session.</summary>
public sealed record LBCookieStickinessPolicy(string PolicyName, long? CookieExpirationPeriod);
