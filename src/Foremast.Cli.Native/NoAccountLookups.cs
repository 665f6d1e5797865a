using Foremast.Cli.Commands;
using Foremast.Core.Config;
using Foremast.Spinnaker.Lookups;

namespace Foremast.Cli.Native;

/// <summary>This build reads no account: <c>generate --lookups aws</c> is handed to the engine before it gets here.</summary>
internal sealed class NoAccountLookups : IAccountLookups
{
    public Task<IEnvironmentLookups> ReadAsync(ConfigSnapshot snapshot, CancellationToken cancellationToken) =>
        throw new AccountLookupsException("the native foremast reads no account; the managed foremast in engine/ does");
}
