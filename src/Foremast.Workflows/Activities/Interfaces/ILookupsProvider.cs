using Foremast.Core.Config;
using Foremast.Spinnaker.Lookups;

namespace Foremast.Workflows.Activities.Interfaces;

/// <summary>Where the generator activity gets its environment facts (AMIs, availability zones, accounts, existing pipelines).</summary>
public interface ILookupsProvider
{
    Task<IEnvironmentLookups> ForAsync(ConfigSnapshot snapshot, CancellationToken cancellationToken = default);
}
