namespace Foremast.Workflows.Notifications;

/// <summary>Resolves <c>setting:NAME</c> addresses and says where a target goes without revealing its secret parts.</summary>
public static class NotificationDestinations
{
    private const string SettingPrefix = "setting:";

    /// <exception cref="NotificationFailedException">A <c>setting:</c> address whose setting is not configured.</exception>
    public static string Resolve(string address, NotificationOptions options)
    {
        if (!address.StartsWith(SettingPrefix, StringComparison.OrdinalIgnoreCase)) return address;
        var name = address[SettingPrefix.Length..];
        return options.Targets.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new NotificationFailedException($"Foremast:Notifications:Targets:{name} is not set");
    }

    public static bool IsUrl(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>A URL as it may be shown: scheme and host only (<c>https://hooks.slack.com/…</c>); anything else unchanged.</summary>
    public static string RedactUrl(string address) =>
        IsUrl(address) && Uri.TryCreate(address, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Host}/…" : address;

    /// <summary>For logs and the run status: a URL becomes its host, a <c>setting:</c> name stays a name, a channel or address list stays as it is.</summary>
    public static string Redact(NotificationTarget target) =>
        target.Address.StartsWith(SettingPrefix, StringComparison.OrdinalIgnoreCase) ? $"{target.Type} {target.Address}"
        : Uri.TryCreate(target.Address, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? $"{target.Type} to {uri.Host}"
        : $"{target.Type} to {target.Address}";
}
