namespace Foremast.Aws.LoadBalancers.Classic;

/// <summary>Stickiness that follows the application's cookie (SDK <c>AppCookieStickinessPolicy</c>).</summary>
public sealed record AppCookieStickinessPolicy(string PolicyName, string CookieName);
