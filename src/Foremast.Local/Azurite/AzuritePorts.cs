using System.Net;
using System.Net.Sockets;

namespace Foremast.Local.Azurite;

/// <summary>The fixed loopback ports of <c>UseDevelopmentStorage=true</c>: blob, queue, table.</summary>
public static class AzuritePorts
{
    public static readonly IReadOnlyList<int> All = [10000, 10001, 10002];

    /// <summary>True when all three services accept TCP connections on 127.0.0.1.</summary>
    public static async Task<bool> AllOpenAsync(CancellationToken cancellationToken = default)
    {
        var open = await Task.WhenAll(All.Select(port => IsOpenAsync(port, cancellationToken)));
        return open.All(o => o);
    }

    private static async Task<bool> IsOpenAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }
}
