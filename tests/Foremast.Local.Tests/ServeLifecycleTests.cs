using System.Net.Http.Json;
using System.Text.Json;
using Foremast.Api.Health;
using Foremast.Local.Tests.Support;
using Xunit.Abstractions;

namespace Foremast.Local.Tests;

public sealed class ServeLifecycleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Serve_reports_reachable_storage_and_aws_not_configured_and_stops_within_5_seconds_on_SIGTERM()
    {
        var hub = TestHubs.New("serve");
        await AzuriteRequirement.EnsureRunningAsync();
        await using var engine = await EngineProcess.StartAsync(hub, TempFiles.ActionsLog(hub));

        using var http = new HttpClient { BaseAddress = engine.Url };
        var health = await http.GetFromJsonAsync<HealthReport>("/api/health");
        Assert.Equal(new HealthReport("healthy", "reachable", hub, engine.WorkerId, DryRun: true), health! with { Aws = null });
        // No AWS in this engine's environment: the field says so and the engine is healthy by its storage alone.
        Assert.Equal("not configured", ((JsonElement)health.Aws!).GetProperty("reachable").GetString());

        var stopped = await engine.TerminateAsync(TimeSpan.FromSeconds(15));
        output.WriteLine($"started in {engine.StartupTime.TotalMilliseconds:0} ms; exited {stopped.TotalMilliseconds:0} ms after SIGTERM");
        Assert.Equal(0, engine.ExitCode);
        Assert.Contains("foremast engine stopped", engine.Output, StringComparison.Ordinal);
        Assert.True(stopped < TimeSpan.FromSeconds(5), $"graceful shutdown took {stopped}");
    }

    [Theory]
    [InlineData("--hub", "x", "task hub")]
    public async Task Serve_refuses_invalid_settings_with_exit_code_2(string flag, string value, string message)
    {
        var (code, text) = await EngineProcess.RunToExitAsync("serve", "--port", "0", "--storage", LocalEngineOptions.DevelopmentStorage, flag, value);

        Assert.Equal(2, code);
        Assert.Contains(message, text, StringComparison.Ordinal);
    }
}
