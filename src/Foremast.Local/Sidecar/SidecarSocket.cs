using System.Net.Sockets;
using Grpc.Net.Client;

namespace Foremast.Local.Sidecar;

/// <summary>
/// The gRPC sidecar (the test host's TaskHubGrpcServer) listens on a Unix domain socket private to this process:
/// <see cref="Microsoft.DurableTask.Client.DurableTaskClient"/> needs it, nobody else should, and a socket path is known
/// before Kestrel starts, unlike a port chosen by the OS.
/// </summary>
internal sealed class SidecarSocket : IDisposable
{
    private readonly Lazy<GrpcChannel> _channel;

    public SidecarSocket()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"foremast-sidecar-{Environment.ProcessId}-{Guid.NewGuid():N}.sock");
        _channel = new Lazy<GrpcChannel>(CreateChannel);
    }

    public string Path { get; }

    public GrpcChannel Channel => _channel.Value;

    public void Dispose()
    {
        if (_channel.IsValueCreated) _channel.Value.Dispose();
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // A leftover socket file in the temp folder is harmless; the next engine uses a new name.
        }
    }

    private GrpcChannel CreateChannel() =>
        GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                ConnectCallback = async (_, cancellationToken) =>
                {
                    var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    try
                    {
                        await socket.ConnectAsync(new UnixDomainSocketEndPoint(Path), cancellationToken);
                        return new NetworkStream(socket, ownsSocket: true);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                },
            },
        });
}
