namespace Foremast.Aws.LoadBalancers.Desired;

/// <summary>A listener's sticky sessions, with Foremast's policy name <c>{app}-{app|elb}-{port}-{cookie|ttl}</c>.</summary>
/// <param name="Type"><c>app</c> (the application's cookie) or <c>elb</c> (the load balancer's cookie).</param>
/// <param name="CookieTtl">Seconds, for <c>elb</c>; null: the browser session.</param>
public sealed record DesiredStickiness(string Type, string PolicyName, string? CookieName, int? CookieTtl)
{
    public static DesiredStickiness For(string app, int port, string type, string? cookieName, int? cookieTtl) => type == "app"
        ? new DesiredStickiness("app", $"{app}-app-{port}-{cookieName}", cookieName, null)
        : new DesiredStickiness("elb", $"{app}-elb-{port}-{(cookieTtl is { } ttl ? ttl.ToString(System.Globalization.CultureInfo.InvariantCulture) : "session")}", null, cookieTtl);
}
