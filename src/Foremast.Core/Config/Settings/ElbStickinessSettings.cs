namespace Foremast.Core.Config.Settings;

/// <summary>A listener's <c>stickiness</c>: <c>app</c> follows the application's cookie, <c>elb</c> issues the load balancer's own.</summary>
/// <param name="CookieTtl">Seconds, for <c>elb</c>; null means the session's lifetime.</param>
public sealed record ElbStickinessSettings(string Type, string? CookieName = null, int? CookieTtl = null);
