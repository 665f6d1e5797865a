namespace Foremast.Api.Hooks;

/// <summary>
/// Start-up checks of <c>Foremast:Webhooks</c>: errors stop the host (a repository whose provider is unknown could
/// never be matched safely), warnings say what will be refused or what is open.
/// </summary>
public static class WebhookSettings
{
    public const string Section = "Foremast:Webhooks";

    public static IReadOnlyList<string> Errors(WebhookOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.Repos.Count; i++)
        {
            var repo = options.Repos[i];
            if (repo.ProviderKind is null)
            {
                errors.Add(repo.Provider is { Length: > 0 } given
                    ? $"{Section}:Repos:{i}:Provider: expected {GitProviders.Names}, got \"{given}\""
                    : $"{Section}:Repos:{i}:Provider: missing; expected {GitProviders.Names}");
            }

            if (repo.FullName is not { Length: > 0 } && repo.RepoUrl is not { Length: > 0 }) errors.Add($"{Section}:Repos:{i}: names neither FullName nor RepoUrl");
        }

        return errors;
    }

    public static IReadOnlyList<string> Warnings(WebhookOptions options)
    {
        var warnings = new List<string>();
        if (options.AllowUnsigned)
        {
            warnings.Add($"{Section}:AllowUnsigned is on: repositories without a secret accept unsigned pushes, so anyone who can reach this engine can deploy any commit of them. Use it for local experiments only.");
        }

        for (var i = 0; i < options.Repos.Count; i++)
        {
            var repo = options.Repos[i];
            if (repo.ProviderKind is not null && options.SecretOf(repo) is null && !options.AllowUnsigned)
            {
                warnings.Add($"{Section}:Repos:{i} ({repo.FullName ?? repo.RepoUrl}) has no secret (its Secret or the provider-wide one): its hook deliveries are refused with 401.");
            }
        }

        return warnings;
    }
}
