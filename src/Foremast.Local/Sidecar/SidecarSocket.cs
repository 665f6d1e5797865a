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

    private const string Prefix = "foremast-sidecar-";

    public SidecarSocket()
    {
        RemoveLeftovers();
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}.sock");
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

    /// <summary>An engine killed with -9 cannot delete its socket file; the next one removes those whose process is gone.</summary>
    private static void RemoveLeftovers()
    {
        foreach (var file in Directory.EnumerateFiles(System.IO.Path.GetTempPath(), $"{Prefix}*.sock"))
        {
            var name = System.IO.Path.GetFileName(file)[Prefix.Length..];
            if (!int.TryParse(name.Split('-')[0], out var pid) || IsRunning(pid)) continue;
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Another engine starting at the same moment removed it first.
            }
            catch (UnauthorizedAccessException)
            {
                // Someone else's file in a shared temp folder.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
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
