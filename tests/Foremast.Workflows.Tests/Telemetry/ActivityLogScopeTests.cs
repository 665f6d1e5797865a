using System.Text.Json;
using Foremast.Workflows.Activities;
using Foremast.Workflows.Orchestrations;
using Foremast.Workflows.Telemetry;
using Foremast.Workflows.Tests.Support;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Foremast.Workflows.Tests.Telemetry;

/// <summary>Lines logged anywhere inside an activity (here: by a logger of another category) carry the stage's run id, region, env and stage.</summary>
public sealed class ActivityLogScopeTests
{
    /// <summary>Stands in for an executor deep in the AWS layer: it only has its own logger.</summary>
    private sealed class LoggingActivity(ILoggerFactory loggers) : TaskActivity<ConvergeResourceInput, string>
    {
        public override Task<string> RunAsync(TaskActivityContext context, ConvergeResourceInput input)
        {
            loggers.CreateLogger("Foremast.Aws").LogInformation("AWS EC2 DescribeSecurityGroups");
            return Task.FromResult("done");
        }
    }

    [Fact]
    public async Task Logs_written_inside_an_activity_carry_run_region_env_and_stage_as_scope()
    {
        var provider = new ScopeCapturingLoggerProvider();
        await using var services = new ServiceCollection().AddLogging(b => b.ClearProviders().AddProvider(provider)).BuildServiceProvider();
        var activity = InstrumentedActivity.Create<LoggingActivity>(services);
        var stage = new StageRequest("run-42", "webshop", "us-west-2", "prod", "3", "Infrastructure Setup prod", new ArtifactRef("1.0", "u"), JsonDocument.Parse("{}").RootElement, DryRun: true);

        var output = await activity.RunAsync(new FakeActivityContext(nameof(LoggingActivity)), new ConvergeResourceInput(stage, "securitygroup"));

        Assert.Equal("done", output);
        var line = Assert.Single(provider.Lines, l => l.Category == "Foremast.Aws");
        Assert.Equal("run-42", line.Scope["RunId"]);
        Assert.Equal("us-west-2", line.Scope["Region"]);
        Assert.Equal("prod", line.Scope["Env"]);
        Assert.Equal("Infrastructure Setup prod", line.Scope["Stage"]);
    }
}
