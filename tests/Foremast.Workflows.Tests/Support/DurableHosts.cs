using System.Net;
using System.Net.Sockets;
using Foremast.Workflows.Extensions;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Foremast.Workflows.Tests.Support;

/// <summary>
/// Starts in-process durable hosts. Test classes run in parallel, so each host takes a port the OS reports free
/// instead of the test host's random pick, which can collide.
/// </summary>
public static class DurableHosts
{
    public static Task<DurableTaskTestHost> StartAsync(Action<IServiceCollection> configure)
    {
        // The sidecar host logs every gRPC call at Information; it reads this when it is built.
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
        return DurableTaskTestHost.StartAsync(tasks => tasks.AddForemastTasks(), new DurableTaskTestHostOptions { Port = FreePort(), ConfigureServices = configure });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
