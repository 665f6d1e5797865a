using Microsoft.DurableTask;

namespace Foremast.Workflows.Orchestrations;

/// <summary>Races a durable task against a durable timer (activities cannot be cancelled, but the stage can stop waiting).</summary>
public static class DurableRace
{
    public static async Task<T> WithTimeout<T>(this TaskOrchestrationContext context, Task<T> task, TimeSpan timeout, string stage)
    {
        using var cancel = new CancellationTokenSource();
        var timer = context.CreateTimer(timeout, cancel.Token);
        var winner = await Task.WhenAny(task, timer);
        if (winner != task) throw new StageTimeoutException(stage, timeout);

        // Cancel the timer so the orchestration does not wait for it to fire before completing.
        cancel.Cancel();
        return await task;
    }
}
