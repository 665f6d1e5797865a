using Foremast.Tests.Shared;
using Foremast.Api;
using Foremast.Workflows.Sources;
using Foremast.Workflows.Tests.Support;
using Microsoft.DurableTask.Client;

namespace Foremast.Workflows.Tests.Http;

/// <summary>
/// The shared HTTP API over an in-process durable host (one per test class). Waits are shortened through the
/// operator-only tuning options, the way a development engine would set them, never through request bodies.
/// </summary>
public class ApiHost : IAsyncLifetime
{
    public const string SigningKey = "test-approval-signing-key-0123456789abcdef";
    public const string HookSecret = "It's a Secret to Everybody";

    public ApiHost() => Workflows = new WorkflowHost { ConfigureServices = ConfigureWorkflowServices };

    public WorkflowHost Workflows { get; }

    public DurableTaskClient Client => Workflows.Host.Client;

    public ForemastApiOptions Options { get; } = DefaultOptions();

    public FakeTimeProvider Time { get; } = new();

    public ForemastApi Api { get; private set; } = null!;

    public static string ExamplesConfig => Path.Combine(Fixtures.Examples, "foremast-config.json");

    public static string ExamplesRunway => Path.Combine(Fixtures.Examples, "runway");

    public virtual async Task InitializeAsync()
    {
        await Workflows.InitializeAsync();
        Api = new ForemastApi(Options, CreateReader(), Time);
    }

    /// <summary>Bare clones the git reader made for this class; removed with the host.</summary>
    protected string GitCache { get; } = Path.Combine(Path.GetTempPath(), "foremast-tests-git", Guid.NewGuid().ToString("N"));

    public async Task DisposeAsync()
    {
        await Workflows.DisposeAsync();
        if (Directory.Exists(GitCache)) Directory.Delete(GitCache, recursive: true);
    }

    /// <summary>Services for the durable host's activities; runs when the host starts (after this object is built).</summary>
    protected virtual void ConfigureWorkflowServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
    }

    protected virtual IConfigSourceReader CreateReader() => new ConfigSourceReader(new GitRunwayReader(new GitClient(), GitCache));

    public Task<ApiResponse> SendAsync(ApiRoute route, ApiRequest request) => Api.HandleAsync(route, request, Client);

    private static ForemastApiOptions DefaultOptions()
    {
        var options = new ForemastApiOptions
        {
            PublicBaseUrl = "https://foremast.example.com/",
            ConfigFile = ExamplesConfig,
            Approvals = { SigningKey = SigningKey },
            Tuning =
            {
                CheckpointTimeout = TimeSpan.FromSeconds(60),
                HealthPollInterval = TimeSpan.FromMilliseconds(50),
                RetryFirstDelay = TimeSpan.FromMilliseconds(50),
            },
        };
        return options;
    }
}
