using Microsoft.Extensions.Hosting;

namespace Foremast.Cli.Run;

/// <summary>
/// The in-process engine's lifetime belongs to <c>foremast run</c>: the default console lifetime would catch Ctrl+C and
/// SIGTERM too and stop the engine under the follower (which then failed with a 500 and engine warnings).
/// </summary>
public sealed class CommandOwnedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
