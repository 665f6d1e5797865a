using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Foremast.Local.Tests.Support;

/// <summary>
/// Loopback ports that forward to the suite's Azurite, so a test can take the engine's storage away (<see cref="Stop"/>:
/// listeners closed, open connections reset) and bring it back on the same ports (<see cref="Start"/>) while the real
/// Azurite keeps running for every other test.
/// </summary>
public sealed class TcpForwarder : IAsyncDisposable
{
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly int[] _targets;
    private readonly int[] _ports;
    private readonly List<TcpListener> _listeners = [];
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private CancellationTokenSource _stop = new();

    private TcpForwarder(int[] targets)
    {
        _targets = targets;
        _ports = new int[targets.Length];
    }

    /// <summary>Forwards new free ports to Azurite's blob, queue and table ports.</summary>
    public static TcpForwarder ToAzurite()
    {
        var forwarder = new TcpForwarder([10000, 10001, 10002]);
        forwarder.Start();
        return forwarder;
    }

    /// <summary>An Azurite connection string whose endpoints are the forwarded ports.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{_ports[0]}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{_ports[1]}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{_ports[2]}/devstoreaccount1;";

    /// <summary>Listens again (on the same ports after a <see cref="Stop"/>).</summary>
    public void Start()
    {
        _stop = new CancellationTokenSource();
        for (var i = 0; i < _targets.Length; i++)
        {
            var listener = new TcpListener(IPAddress.Loopback, _ports[i]);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start();
            _ports[i] = ((IPEndPoint)listener.LocalEndpoint).Port;
            _listeners.Add(listener);
            _ = AcceptAsync(listener, _targets[i], _stop.Token);
        }
    }

    /// <summary>Storage gone: nothing listens on the ports and every open connection is reset.</summary>
    public void Stop()
    {
        _stop.Cancel();
        foreach (var listener in _listeners) listener.Stop();
        _listeners.Clear();
        foreach (var socket in _open.Keys)
        {
            try
            {
                // Linger 0: the engine's side sees a reset at once, as when a storage host goes away.
                socket.LingerState = new LingerOption(true, 0);
            }
            catch (ObjectDisposedException)
            {
                // Closed by its own pump meanwhile.
            }

            socket.Dispose();
        }

        _open.Clear();
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptAsync(TcpListener listener, int target, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(stop);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ForwardAsync(client, target, stop);
        }
    }

    private async Task ForwardAsync(Socket client, int target, CancellationToken stop)
    {
        var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _open[client] = 0;
        _open[upstream] = 0;
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, target, stop);
            await Task.WhenAny(PumpAsync(client, upstream, stop), PumpAsync(upstream, client, stop));
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The connection ends with the test's outage or with either side closing; nothing to report.
        }
        finally
        {
            _open.TryRemove(client, out _);
            _open.TryRemove(upstream, out _);
            client.Dispose();
            upstream.Dispose();
        }
    }

    private static async Task PumpAsync(Socket from, Socket to, CancellationToken stop)
    {
        var buffer = new byte[16384];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None, stop)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, stop);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Either side went away.
        }
    }
}
