using System.Runtime.InteropServices;

namespace Foremast.Cli.Run;

/// <summary>
/// SIGINT (Ctrl+C) and SIGTERM (a CI job being cancelled) turned into a cancellation the command handles itself: the
/// runtime's default would end the process at once (or, with a host's console lifetime, stop the in-process engine
/// under the follower), so neither can print where the run stands or stop the Azurite it started.
/// </summary>
public sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;

    public StopSignals()
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    public CancellationToken Token => _stop.Token;

    /// <summary>The first signal received, or null.</summary>
    public PosixSignal? Received { get; private set; }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        Received ??= context.Signal;
        _stop.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _stop.Dispose();
    }
}
