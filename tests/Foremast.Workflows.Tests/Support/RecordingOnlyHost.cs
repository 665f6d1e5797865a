using Foremast.Workflows.DryRun;
using Foremast.Workflows.Extensions;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Foremast.Workflows.Tests.Support;

/// <summary>A host with nothing but the workflow layer's defaults: the recording executors, as a host without AWS has.</summary>
public sealed class RecordingOnlyHost : IAsyncLifetime, ITestHost
{
    private DurableTaskTestHost? _host;

    public DurableTaskTestHost Host => _host ?? throw new InvalidOperationException("host not started");

    public IActionRecorder Recorder => Host.Services.GetRequiredService<IActionRecorder>();

    public async Task InitializeAsync() => _host = await DurableHosts.StartAsync(services => services.AddForemastWorkflows());

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }
}
