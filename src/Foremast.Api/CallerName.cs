namespace Foremast.Api;

/// <summary>
/// Who sent a request, as the API records it: the platform's identity header (<see cref="ApprovalOptions.IdentityHeader"/>)
/// when it names someone (verified: nobody can type it into a form), else the request's own <c>by</c> field, else
/// <c>anonymous</c>. The same rule approval decisions follow.
/// </summary>
public sealed record CallerName(string Name, bool Verified)
{
    private const int MaxLength = 200;

    public static CallerName Of(ApiRequest request, IReadOnlyDictionary<string, string> fields, ApprovalOptions options)
    {
        if (options.IdentityHeader.Length > 0 && request.Header(options.IdentityHeader)?.Trim() is { Length: > 0 } signedIn) return new CallerName(Clip(signedIn), true);
        return new CallerName(fields.GetValueOrDefault("by")?.Trim() is { Length: > 0 } typed ? Clip(typed) : "anonymous", false);
    }

    private static string Clip(string value) => value.Length <= MaxLength ? value : value[..MaxLength];
}
