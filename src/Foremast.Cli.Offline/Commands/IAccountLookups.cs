using Foremast.Core.Config;
using Foremast.Spinnaker.Lookups;

namespace Foremast.Cli.Commands;

/// <summary>
/// <c>generate --lookups aws</c>: the environment facts read from the account. The managed foremast wires the AWS
/// executors behind it; the native one never reads an account (it hands that command line to the managed one).
/// </summary>
public interface IAccountLookups
{
    /// <exception cref="AccountLookupsException">No account is configured, or the account could not be read.</exception>
    Task<IEnvironmentLookups> ReadAsync(ConfigSnapshot snapshot, CancellationToken cancellationToken);
}
