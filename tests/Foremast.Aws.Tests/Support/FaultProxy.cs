using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Foremast.Aws.Tests.Support;

/// <summary>One request the proxy saw: the signing service (how moto routes) and the operation.</summary>
public sealed record ProxiedCall(string Service, string Operation, string Method, string Path);

public enum FaultKind
{
    /// <summary>400 with AWS's <c>Throttling</c> error body.</summary>
    Throttle,

    /// <summary>503 with an empty body.</summary>
    Unavailable,

    /// <summary>The connection is closed without an answer.</summary>
    Drop,

    /// <summary>403 <c>AccessDenied</c>: a permission error, final.</summary>
    AccessDenied,
}

/// <summary>
/// A loopback HTTP proxy in front of moto (real Kestrel on 127.0.0.1:0) that answers chosen calls with throttling, 503, a dropped
/// connection or a permission error, and can rewrite moto's answers (e.g. report targets unhealthy). Everything else is
/// forwarded byte for byte, signature included.
/// </summary>
public sealed partial class FaultProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _forward = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
    private readonly ConcurrentQueue<ProxiedCall> _calls = new();
    private readonly ConcurrentQueue<(ProxiedCall, string)> _requests = new();
    private readonly List<Rule> _rules = [];
    private readonly List<Func<ProxiedCall, string, string?>> _rewrites = [];
    private readonly List<HeldAnswers> _holds = [];

    private FaultProxy(WebApplication app, Uri target)
    {
        _app = app;
        Target = target;
    }

    public Uri Target { get; }

    public string Url { get; private set; } = "";

    public IReadOnlyList<ProxiedCall> Calls => _calls.ToList();

    /// <summary>Each call's request body as sent (form-encoded for Query APIs), for tests that check what a client put on the wire.</summary>
    public IReadOnlyList<(ProxiedCall Call, string Body)> Requests => _requests.ToList();

    /// <summary>How many faults were answered so far.</summary>
    public int FaultsServed { get; private set; }

    public static async Task<FaultProxy> StartAsync(Uri target)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var proxy = new FaultProxy(app, target);
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        proxy.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return proxy;
    }

    /// <summary>Answers the next <paramref name="times"/> calls matching <paramref name="match"/> (all calls when null) with the fault.</summary>
    public FaultProxy Fail(FaultKind kind, int times, Func<ProxiedCall, bool>? match = null)
    {
        lock (_rules) _rules.Add(new Rule(kind, times, match ?? (_ => true)));
        return this;
    }

    /// <summary>Rewrites moto's answer body for matching calls (return null to leave it as it is).</summary>
    public FaultProxy Rewrite(Func<ProxiedCall, string, string?> rewrite)
    {
        lock (_rewrites) _rewrites.Add(rewrite);
        return this;
    }

    /// <summary>Forwards matching calls but keeps moto's answer until <see cref="HeldAnswers.Release"/>.</summary>
    public HeldAnswers Hold(Func<ProxiedCall, bool> match)
    {
        var held = new HeldAnswers(match);
        lock (_holds) _holds.Add(held);
        return held;
    }

    public void ClearRewrites()
    {
        lock (_rewrites) _rewrites.Clear();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var bytes = body.ToArray();
        var call = Describe(request, bytes);
        _calls.Enqueue(call);
        _requests.Enqueue((call, Encoding.UTF8.GetString(bytes)));

        if (TakeFault(call) is { } fault)
        {
            FaultsServed++;
            await AnswerFaultAsync(context, fault);
            return;
        }

        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(Target, request.Path + request.QueryString));
        if (bytes.Length > 0 || request.ContentLength is not null) forward.Content = new ByteArrayContent(bytes);
        foreach (var (name, values) in request.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)) continue;
            if (!forward.Headers.TryAddWithoutValidation(name, values.ToArray())) forward.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
        }

        // moto verifies no signatures by default, but keep the host the client signed.
        forward.Headers.Host = request.Host.Value;
        using var response = await _forward.SendAsync(forward, context.RequestAborted);
        var answer = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
        HeldAnswers? hold;
        lock (_holds) hold = _holds.FirstOrDefault(h => h.Holds(call));
        if (hold is not null) await hold.WaitAsync(context.RequestAborted);
        if (context.RequestAborted.IsCancellationRequested) return;
        var rewritten = Rewritten(call, answer);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            context.Response.Headers[name] = values.ToArray();
        }

        context.Response.ContentLength = rewritten.Length;
        await context.Response.Body.WriteAsync(rewritten, context.RequestAborted);
    }

    private byte[] Rewritten(ProxiedCall call, byte[] answer)
    {
        List<Func<ProxiedCall, string, string?>> rewrites;
        lock (_rewrites) rewrites = _rewrites.ToList();
        if (rewrites.Count == 0) return answer;
        var text = Encoding.UTF8.GetString(answer);
        foreach (var rewrite in rewrites) text = rewrite(call, text) ?? text;
        return Encoding.UTF8.GetBytes(text);
    }

    private FaultKind? TakeFault(ProxiedCall call)
    {
        lock (_rules)
        {
            var rule = _rules.FirstOrDefault(r => r.Remaining > 0 && r.Match(call));
            if (rule is null) return null;
            rule.Remaining--;
            return rule.Kind;
        }
    }

    private static async Task AnswerFaultAsync(HttpContext context, FaultKind fault)
    {
        switch (fault)
        {
            case FaultKind.Drop:
                context.Abort();
                return;
            case FaultKind.Unavailable:
                context.Response.StatusCode = 503;
                return;
            case FaultKind.Throttle:
                context.Response.StatusCode = 400;
                await context.Response.WriteAsync("<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>1</RequestId></ErrorResponse>");
                return;
            case FaultKind.AccessDenied:
                context.Response.StatusCode = 403;
                await context.Response.WriteAsync("<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/deployer is not authorized to perform this action</Message></Error><RequestId>1</RequestId></ErrorResponse>");
                return;
        }
    }

    private static ProxiedCall Describe(HttpRequest request, byte[] body)
    {
        var auth = request.Headers.Authorization.ToString();
        var scope = ScopePattern().Match(auth);
        var service = scope.Success ? scope.Groups["service"].Value : "?";
        var action = request.Query["Action"].ToString();
        if (action.Length == 0 && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            var form = Encoding.UTF8.GetString(body);
            var match = ActionPattern().Match(form);
            if (match.Success) action = Uri.UnescapeDataString(match.Groups["action"].Value);
        }

        return new ProxiedCall(service, action.Length > 0 ? action : $"{request.Method} {request.Path}", request.Method, request.Path);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _forward.Dispose();
    }

    [GeneratedRegex(@"Credential=[^/]+/[^/]+/[^/]+/(?<service>[^/]+)/aws4_request")]
    private static partial Regex ScopePattern();

    [GeneratedRegex(@"(?:^|&)Action=(?<action>[^&]+)")]
    private static partial Regex ActionPattern();

    private sealed class Rule(FaultKind kind, int times, Func<ProxiedCall, bool> match)
    {
        public FaultKind Kind { get; } = kind;

        public int Remaining { get; set; } = times;

        public Func<ProxiedCall, bool> Match { get; } = match;
    }
}
