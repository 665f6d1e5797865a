namespace Foremast.Aws.Tests.Support;

/// <summary>
/// Calls the <see cref="FaultProxy"/> forwards to moto but answers only once released: the call has happened in the account,
/// its caller has not heard about it yet. The window in which a crash leaves an activity done in AWS but not in the engine.
/// </summary>
public sealed class HeldAnswers(Func<ProxiedCall, bool> match)
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first matching call has been answered by moto and is being held.</summary>
    public Task Reached => _reached.Task;

    /// <summary>Lets held and later matching answers through.</summary>
    public void Release() => _released.TrySetResult();

    internal bool Holds(ProxiedCall call) => !_released.Task.IsCompleted && match(call);

    internal async Task WaitAsync(CancellationToken aborted)
    {
        _reached.TrySetResult();
        try
        {
            await _released.Task.WaitAsync(aborted);
        }
        catch (OperationCanceledException)
        {
            // The caller is gone (killed): nobody will read the answer.
        }
    }
}
