namespace Foremast.Workflows.Tests.Http;

/// <summary>The fixture repositories mapped to their providers, and no secret anywhere: a fresh install before the secrets are set.</summary>
public sealed class UnsecuredHookHost : HookApiHost
{
    public UnsecuredHookHost()
    {
        Options.Webhooks.GitHubSecret = null;
        Options.Webhooks.GitLabToken = "";
        Options.Webhooks.BitbucketSecret = null;
        Options.Webhooks.GenericSecret = null;
    }
}
