using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Foremast.Workflows.Telemetry;

/// <summary>
/// Runs an activity inside a logging scope (RunId, Region, Env, Stage) and a span in its run's trace, so every log line
/// and AWS call the activity makes is attributable to the stage that made it. Both hosts and the test host run
/// activities through it (<see cref="Extensions.WorkflowServiceCollectionExtensions.AddForemastTasks"/>, the Functions triggers).
/// </summary>
public sealed class InstrumentedActivity(string name, ITaskActivity inner, ILogger logger) : ITaskActivity
{
    public Type InputType => inner.InputType;

    public Type OutputType => inner.OutputType;

    public static InstrumentedActivity Create<TActivity>(IServiceProvider services)
        where TActivity : class, ITaskActivity
    {
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger(typeof(TActivity).FullName!) ?? NullLogger.Instance;
        return new InstrumentedActivity(typeof(TActivity).Name, ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(services), logger);
    }

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        var labels = StageLabels.Of(input);
        using var scope = logger.BeginScope(labels.Scope());
        using var span = labels.RunId is { } runId
            ? ForemastTelemetry.Source.StartActivity($"activity {name}", ActivityKind.Internal, RunTrace.Root(runId), labels.Tags())
            : ForemastTelemetry.Source.StartActivity($"activity {name}");
        try
        {
            return await inner.RunAsync(context, input).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            span?.SetStatus(ActivityStatusCode.Error, e.Message);
            throw;
        }
    }
}
