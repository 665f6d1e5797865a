using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Foremast.Aws.Tests.Support;

/// <summary>
/// A moto server of the test class's own (<c>IClassFixture&lt;MotoServer&gt;</c>) on a free loopback port, so parallel test classes
/// never see each other's resources. Started from the machine's Python (<c>python3 -m moto.server</c>), killed on dispose.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    private Process? _process;

    public Uri Endpoint { get; private set; } = null!;

    public string Url => Endpoint.ToString().TrimEnd('/');

    public async Task InitializeAsync()
    {
        // No process-wide credentials here: the CLI tests share this server, and AWS variables in their process would make
        // every local engine they start wire the live executors. Clients get them from AwsTestClients (or their own source).
        var port = FreePort();
        var start = new ProcessStartInfo("python3", ["-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // AttachRolePolicy of AWS-managed policies (arn:aws:iam::aws:policy/…) needs moto to know them.
        start.Environment["MOTO_IAM_LOAD_MANAGED_POLICIES"] = "true";
        _process = Process.Start(start) ?? throw new InvalidOperationException("python3 -m moto.server did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"moto exited with {_process.ExitCode}: is moto installed for python3 (python3 -c 'import moto.server')?");
            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint, "moto-api/"));
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"moto did not listen on {Endpoint} within 30 s");
    }

    /// <summary>Wipes every resource (only for a class that owns this server).</summary>
    public async Task ResetAsync()
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(Endpoint, "moto-api/reset"), null);
        response.EnsureSuccessStatusCode();
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
        _process?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>moto accepts any key; the SDK's default chain reads these (the same values for every test, so setting them is race-free).</summary>
    public static void EnsureTestCredentials()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "test");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "test");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
