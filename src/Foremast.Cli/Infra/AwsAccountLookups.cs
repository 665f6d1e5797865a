using Foremast.Aws.Lookups;
using Foremast.Cli.Commands;
using Foremast.Core.Config;
using Foremast.Spinnaker.Lookups;
using Foremast.Workflows.Execution;

namespace Foremast.Cli.Infra;

/// <summary><c>generate --lookups aws</c> through the AWS executors the host wired (AWS credentials or Foremast__Aws__Enabled=true).</summary>
public sealed class AwsAccountLookups(InfraServices services) : IAccountLookups
{
    public async Task<IEnvironmentLookups> ReadAsync(ConfigSnapshot snapshot, CancellationToken cancellationToken)
    {
        var aws = services.Optional<AwsEnvironmentLookups>()
            ?? throw new AccountLookupsException("no AWS account is configured here (AWS credentials or Foremast__Aws__Enabled=true)");
        try
        {
            return await aws.ForAsync(snapshot, cancellationToken);
        }
        catch (PermanentExecutorException e)
        {
            throw new AccountLookupsException(e.Message, e);
        }
    }
}
