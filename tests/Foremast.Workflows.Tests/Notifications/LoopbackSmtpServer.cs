using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Foremast.Workflows.Tests.Notifications;

/// <summary>
/// A real SMTP server (the SmtpServer package) in the test process, on a loopback port, keeping every message it
/// receives. Given a user and password it requires AUTH (over plain text: loopback only) and records who signed in.
/// </summary>
public sealed class LoopbackSmtpServer : IDisposable
{
    private readonly CancellationTokenSource _stop = new();

    public LoopbackSmtpServer(string? user = null, string? password = null)
    {
        Port = FreePort();
        var auth = user is not null;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).AllowUnsecureAuthentication(auth).AuthenticationRequired(auth))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(Messages));
        if (auth) services.Add(new Users(user!, password ?? "", SignedIn));
        var server = new SmtpServer.SmtpServer(options, services);
        _ = server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    /// <summary>The users that authenticated with the right password.</summary>
    public ConcurrentQueue<string> SignedIn { get; } = new();

    public void Dispose() => _stop.Cancel();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Users(string user, string password, ConcurrentQueue<string> signedIn) : SmtpServer.Authentication.IUserAuthenticator
    {
        public Task<bool> AuthenticateAsync(ISessionContext context, string name, string secret, CancellationToken cancellationToken)
        {
            var ok = name == user && secret == password;
            if (ok) signedIn.Enqueue(name);
            return Task.FromResult(ok);
        }
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
