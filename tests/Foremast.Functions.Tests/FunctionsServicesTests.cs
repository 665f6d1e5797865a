using System.Text.Json;
using Foremast.Functions.Extensions;
using Foremast.Functions.Settings;
using Foremast.Workflows.Activities;
using Foremast.Api;
using Foremast.Api.Approvals;
using Foremast.Api.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Foremast.Api.Hooks;

namespace Foremast.Functions.Tests;

public sealed class FunctionsServicesTests
{
    [Fact]
    public void Settings_from_local_settings_sample_bind_to_the_api_options()
    {
        using var services = Build(SampleSettings());

        var options = services.GetRequiredService<IOptions<ForemastApiOptions>>().Value;

        Assert.Equal("http://localhost:7071", options.PublicBaseUrl);
        Assert.True(options.DryRun);
        Assert.Equal("replace-with-at-least-32-random-characters", options.Approvals.SigningKey);
        Assert.Equal(["main", "master"], options.Webhooks.Branches);
        var repo = Assert.Single(options.Webhooks.Repos);
        Assert.Equal(("acme/webshop", "acme", "webshop", (bool?)true), (repo.FullName, repo.Project, repo.Repo, repo.DryRun));
        Assert.Equal((GitProvider.GitHub, "replace-with-the-github-webhook-secret"), (repo.ProviderKind, options.Webhooks.SecretOf(repo)));
        Assert.False(options.Webhooks.AllowUnsigned);
        Assert.Equal(TimeSpan.FromSeconds(20), options.Approvals.DecisionWait);
        Assert.False(options.Approvals.RequireIdentity);
        var notifications = services.GetRequiredService<IOptions<Foremast.Workflows.Notifications.NotificationOptions>>().Value;
        Assert.Equal((587, true), (notifications.Smtp.Port, notifications.Smtp.UseTls));
        Assert.Null(options.ConfigFileFor(repo));
        var gate = services.GetRequiredService<IOptions<GateSettings>>().Value.ToGateOptions()!;
        Assert.Equal((new Uri("https://gate.example.com"), "replace-with-the-gate-bearer-token"), (gate.BaseUrl, gate.BearerToken));
    }

    [Fact]
    public void Api_and_activities_resolve_from_the_app_services()
    {
        using var services = Build(SampleSettings());

        var api = services.GetRequiredService<ForemastApi>();

        Assert.StartsWith("http://localhost:7071/api/approvals/", api.Links.ApprovalUrl(new ApprovalClaims("run-1", "us-east-1", "prod", DateTimeOffset.UtcNow.AddHours(1))), StringComparison.Ordinal);
        Assert.NotNull(ActivatorUtilities.GetServiceOrCreateInstance<StartDeployActivity>(services));
        Assert.NotNull(ActivatorUtilities.GetServiceOrCreateInstance<NotifyActivity>(services));
    }

    [Fact]
    public async Task Start_up_refuses_a_repo_map_without_a_provider_and_warns_when_unsigned_hooks_are_allowed()
    {
        var broken = SampleSettings();
        broken.Remove("Foremast:Webhooks:Repos:0:Provider");
        var open = SampleSettings();
        open["Foremast:Webhooks:AllowUnsigned"] = "true";
        var logged = new List<string>();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StartHookCheckAsync(broken, logged));
        await StartHookCheckAsync(open, logged);

        Assert.Equal(["Foremast:Webhooks:Repos:0:Provider: missing; expected github, gitlab, bitbucket or generic"], failure.Failures);
        Assert.Contains(logged, l => l.StartsWith("Warning: Foremast:Webhooks:AllowUnsigned is on", StringComparison.Ordinal));
    }

    /// <summary>Starts only the hosted start-up check of the hook settings, logging into <paramref name="logged"/>.</summary>
    [Fact]
    public void Health_check_reports_the_hosts_task_hub_its_dry_run_default_and_no_worker()
    {
        var renamed = SampleSettings();
        renamed["AzureFunctionsJobHost:extensions:durableTask:hubName"] = "OtherHub";
        renamed["Foremast:DryRun"] = "false";

        using var services = Build(SampleSettings());
        using var overridden = Build(renamed);

        Assert.Equal(new HealthTarget("ForemastHub", null, DryRun: true), services.GetRequiredService<HealthCheck>().Target);
        Assert.Equal(new HealthTarget("OtherHub", null, DryRun: false), overridden.GetRequiredService<HealthCheck>().Target);
    }

    private static Task StartHookCheckAsync(Dictionary<string, string?> settings, List<string> logged)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging(logging => logging.AddProvider(new ListLoggerProvider(logged)));
        services.AddForemastFunctions();
        var provider = services.BuildServiceProvider();
        var check = provider.GetServices<IHostedService>().Single(s => s.GetType().Name == "WebhookStartupCheck");
        return check.StartAsync(CancellationToken.None);
    }

    /// <summary>The sample's Values as the Functions host presents them: <c>__</c> in a name is a section separator.</summary>
    private static Dictionary<string, string?> SampleSettings()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root(), "local.settings.sample.json")));
        return sample.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name.Replace("__", ":"), p => (string?)p.Value.GetString());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddForemastFunctions();
        return services.BuildServiceProvider();
    }

    private static string Root() => Path.GetFullPath(Path.Combine(FunctionsMetadata.OutputDirectory, "..", "..", "..", "..", ".."));
}
