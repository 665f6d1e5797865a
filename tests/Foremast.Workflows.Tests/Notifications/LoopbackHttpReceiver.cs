using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Foremast.Workflows.Tests.Notifications;

/// <summary>One request a receiver got: the path with its query, the headers and the body as sent.</summary>
public sealed record ReceivedPost(string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// A real HTTP server on a loopback port standing in for Slack, Teams, Google Chat and webhook receivers: it records
/// every POST and answers as the service does (Slack's webhook <c>ok</c>, its Web API <c>{"ok":true}</c>, Teams 202).
/// Paths under <c>/fail500</c> always answer 500; under <c>/flaky</c> the first post to each path answers 500, later ones 200.
/// </summary>
public sealed class LoopbackHttpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, int> _flaky = new(StringComparer.Ordinal);

    public LoopbackHttpReceiver()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    public ConcurrentQueue<ReceivedPost> Posts { get; } = new();

    public IEnumerable<ReceivedPost> To(string path) => Posts.Where(p => p.PathAndQuery.StartsWith(path, StringComparison.Ordinal));

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            var path = context.Request.Url!.PathAndQuery;
            Posts.Enqueue(new ReceivedPost(path, headers, body.ToArray()));

            var (status, answer) = path switch
            {
                _ when path.StartsWith("/slack-api/", StringComparison.Ordinal) => (200, "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1.2\"}"),
                _ when path.StartsWith("/teams", StringComparison.Ordinal) => (202, ""),
                _ when path.StartsWith("/gone", StringComparison.Ordinal) => (404, "channel_not_found"),
                _ when path.StartsWith("/fail500", StringComparison.Ordinal) => (500, "receiver down"),
                _ when path.StartsWith("/flaky", StringComparison.Ordinal) && _flaky.AddOrUpdate(path, 1, (_, n) => n + 1) == 1 => (500, "try again"),
                _ => (200, "ok"),
            };
            context.Response.StatusCode = status;
            var bytes = Encoding.UTF8.GetBytes(answer);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
