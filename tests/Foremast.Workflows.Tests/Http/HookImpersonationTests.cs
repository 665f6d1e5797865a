using Foremast.Api;
using Foremast.Api.Hooks;
using Foremast.Api.Runs;

namespace Foremast.Workflows.Tests.Http;

/// <summary>
/// Attempts to start a repository's runs with a delivery that is not its provider's, or not signed with its secret.
/// Every mapped repository names its provider and secret (<see cref="ProviderHookHost"/>).
/// </summary>
[Collection(HttpCollection.Name)]
public sealed class HookImpersonationTests(ProviderHookHost host) : IClassFixture<ProviderHookHost>
{
    public static TheoryData<GitProvider, GitProvider> ProviderPairs()
    {
        var pairs = new TheoryData<GitProvider, GitProvider>();
        foreach (var mapped in ProviderHookHost.Providers)
        {
            foreach (var claimed in ProviderHookHost.Providers.Where(p => p != mapped)) pairs.Add(mapped, claimed);
        }

        return pairs;
    }

    public static TheoryData<GitProvider> Providers() => new(ProviderHookHost.Providers);

    [Theory]
    [MemberData(nameof(ProviderPairs))]
    public async Task Delivery_claiming_another_provider_never_starts_the_repositorys_runs(GitProvider mapped, GitProvider claimed)
    {
        var body = Deliveries.Push(claimed, ProviderHookHost.FullName(mapped), Commit(mapped, claimed));

        var unsigned = await host.SendAsync(ApiRoutes.GitHook, Deliveries.Request(claimed, body, null));
        var withTheRepositorysSecret = await host.SendAsync(ApiRoutes.GitHook, Deliveries.Request(claimed, body, ProviderHookHost.RepoSecret(mapped)));
        var withTheClaimedProvidersSecret = await host.SendAsync(ApiRoutes.GitHook, Deliveries.Request(claimed, body, ProviderHookHost.ProviderSecret(claimed)));

        Assert.Equal((401, 401), (unsigned.Status, withTheRepositorysSecret.Status));
        Assert.Equal((200, "ignored"), (withTheClaimedProvidersSecret.Status, withTheClaimedProvidersSecret.Read<HookBody>()!.Outcome));
        Assert.DoesNotContain(host.Reads, r => r.Source.Commit == Commit(mapped, claimed));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Delivery_as_the_mapped_provider_signed_with_the_repositorys_secret_starts_a_run(GitProvider provider)
    {
        var commit = Commit(provider, provider);
        var body = Deliveries.Push(provider, ProviderHookHost.FullName(provider), commit);

        var response = await host.SendAsync(ApiRoutes.GitHook, Deliveries.Request(provider, body, ProviderHookHost.RepoSecret(provider)));

        Assert.Equal(202, response.Status);
        Assert.Equal(ProviderHookHost.RepoName(provider) + "acme", response.Read<HookBody>()!.Runs.Single().App);
        Assert.Contains(host.Reads, r => r.Source.Commit == commit);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Repository_with_its_own_secret_refuses_deliveries_signed_with_the_provider_wide_secret_or_unsigned(GitProvider provider)
    {
        var commit = "c0ffee" + Commit(provider, provider)[6..];
        var body = Deliveries.Push(provider, ProviderHookHost.FullName(provider), commit);

        var providerWide = await host.SendAsync(ApiRoutes.GitHook, Deliveries.Request(provider, body, ProviderHookHost.ProviderSecret(provider)));
        var unsigned = await host.SendAsync(ApiRoutes.GitHook, Deliveries.Request(provider, body, null));

        Assert.Equal((401, 401), (providerWide.Status, unsigned.Status));
        Assert.DoesNotContain(host.Reads, r => r.Source.Commit == commit);
    }

    [Fact]
    public async Task Secret_of_one_repository_cannot_start_another_repositorys_runs_of_the_same_provider()
    {
        const string commit = "5ec7e7000000000000000000000000000000beef";
        var body = Deliveries.Push(GitProvider.GitHub, "acme/shared-secret", commit);

        var otherRepositorysSecret = await host.SendAsync(ApiRoutes.GitHook, Deliveries.Request(GitProvider.GitHub, body, ProviderHookHost.RepoSecret(GitProvider.GitHub)));
        var providerWide = await host.SendAsync(ApiRoutes.GitHook, Deliveries.Request(GitProvider.GitHub, body, ProviderHookHost.ProviderSecret(GitProvider.GitHub)));

        Assert.Equal(401, otherRepositorysSecret.Status);
        Assert.Equal(202, providerWide.Status);
    }

    /// <summary>A commit per attempt, so each test can tell whether its own delivery reached the config reader.</summary>
    private static string Commit(GitProvider mapped, GitProvider claimed) => $"{(int)mapped}{(int)claimed}".PadRight(40, 'a');
}
