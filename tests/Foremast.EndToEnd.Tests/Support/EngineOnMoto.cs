using Foremast.Aws;
using Foremast.Aws.Credentials;
using Foremast.Aws.Safety;
using Foremast.Aws.Tests.Support;
using Foremast.Local;
using Foremast.Local.Azurite;
using Foremast.Workflows.Orchestrations;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using DurableTask.Core;

namespace Foremast.EndToEnd.Tests.Support;

/// <summary>
/// The local durable engine in the test process, on its own task hub in the real Azurite, with the live AWS executors
/// wired the way a machine that names AWS wires them (<c>Foremast:Aws:Enabled</c>), pointed at a test's moto (or at a
/// fault proxy in front of it). Every AWS call the executors make lands in <see cref="Calls"/>.
/// </summary>
public sealed class EngineOnMoto : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EngineOnMoto(WebApplication app, CallLog calls, StampedCalls stamped)
    {
        _app = app;
        Calls = calls;
        Stamped = stamped;
    }

    public CallLog Calls { get; }

    public StampedCalls Stamped { get; }

    public DurableTaskClient Client => _app.Services.GetRequiredService<DurableTaskClient>();

    public static async Task<EngineOnMoto> StartAsync(string awsEndpoint, MotoAccounts accounts)
    {
        if (!await AzuritePorts.AllOpenAsync())
            Assert.Fail("Azurite is not reachable on 127.0.0.1:10000-10002. Run the tests through `bash scripts/test.sh`, or start it first: `source scripts/services.sh && services_start`.");
        var hub = $"e2e{Guid.NewGuid():N}"[..19];
        var builder = LocalEngine.CreateBuilder(settings: new Dictionary<string, string?>
        {
            ["Foremast:Local:TaskHub"] = hub,
            ["Foremast:Local:Port"] = "0",
            ["Foremast:Local:StorageConnectionString"] = LocalEngineOptions.DevelopmentStorage,
            ["Foremast:Local:ShutdownTimeout"] = "00:00:01",
            ["Foremast:Local:MaxQueuePollingInterval"] = "00:00:00.200",
            [AwsActivation.EnabledKey] = "true",
            ["Foremast:Aws:EndpointUrl"] = awsEndpoint,
            ["Foremast:Aws:Retry:BaseDelay"] = "00:00:00.010",
            ["Foremast:Aws:Retry:MaxDelay"] = "00:00:00.100",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        // Each env signs with its own account's key (the profile named after the env), as Foremast resolves credentials.
        builder.Services.RemoveAll<AwsCredentialsResolver>();
        builder.Services.AddSingleton(new AwsCredentialsResolver(accounts));
        var calls = new CallLog();
        builder.Services.AddSingleton<IAwsCallObserver>(calls);
        var stamped = new StampedCalls();
        builder.Services.AddSingleton<IAwsCallObserver>(stamped);
        var app = LocalEngine.Build(builder);
        await app.StartAsync();
        return new EngineOnMoto(app, calls, stamped);
    }

    /// <summary>Starts a real (not dry) run and waits for its end; durable timers run in real time, so every wait is short.</summary>
    /// <param name="tune">Changes the run's options (e.g. a short deploy timeout).</param>
    public async Task<DeploymentRunResult> RunAsync(Foremast.Core.Config.ConfigSnapshot snapshot, ArtifactRef artifact, TimeSpan timeout, Func<RunOptions, RunOptions>? tune = null)
    {
        var runId = $"e2e-{Guid.NewGuid():N}";
        var options = new RunOptions(
            DryRun: false,
            CheckpointTimeout: TimeSpan.FromMinutes(5),
            HealthPollInterval: TimeSpan.FromMilliseconds(300),
            RetryFirstDelay: TimeSpan.FromMilliseconds(200));
        options = tune?.Invoke(options) ?? options;
        await Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(DeploymentRunOrchestrator), new DeploymentRunInput(runId, snapshot, artifact, options), new StartOrchestrationOptions(InstanceId: runId));
        using var cancel = new CancellationTokenSource(timeout);
        var run = await Client.WaitForInstanceCompletionAsync(runId, getInputsAndOutputs: true, cancel.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        return run.ReadOutputAs<DeploymentRunResult>()!;
    }

    public async ValueTask DisposeAsync()
    {
        // Stopped first: a worker still leasing partitions would log errors about the tables deleted under it.
        await _app.StopAsync();
        try
        {
            await _app.Services.GetRequiredService<IOrchestrationService>().DeleteAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is TimeoutException or Azure.RequestFailedException)
        {
            // Leftover hubs are only clutter; every engine uses a fresh name.
        }

        await _app.DisposeAsync();
    }
}
