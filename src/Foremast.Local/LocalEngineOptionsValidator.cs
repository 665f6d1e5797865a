using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Foremast.Local;

/// <summary>Rejects settings that would make the engine start and then misbehave (a lease that expires before it is renewed, a hub name storage refuses).</summary>
internal sealed partial class LocalEngineOptionsValidator : IValidateOptions<LocalEngineOptions>
{
    public ValidateOptionsResult Validate(string? name, LocalEngineOptions o)
    {
        var errors = new List<string>();
        if (!HubName().IsMatch(o.TaskHub)) errors.Add($"task hub \"{o.TaskHub}\": 3-45 letters and digits, starting with a letter");
        if (!IPAddress.TryParse(o.Host, out _)) errors.Add($"host \"{o.Host}\" is not an IP address");
        if (o.Port is < 0 or > 65535) errors.Add($"port {o.Port} is out of range");
        if (o.PartitionCount is < 1 or > 16) errors.Add($"partition count {o.PartitionCount}: 1 to 16");
        if (o.LeaseRenewInterval >= o.LeaseInterval) errors.Add("the lease renew interval must be shorter than the lease interval");
        if (o.LeaseAcquireInterval <= TimeSpan.Zero) errors.Add("the lease acquire interval must be positive");
        if (o.ControlQueueVisibilityTimeout <= TimeSpan.Zero || o.WorkItemQueueVisibilityTimeout <= TimeSpan.Zero) errors.Add("queue visibility timeouts must be positive");
        if (o.ShutdownTimeout < TimeSpan.Zero) errors.Add("the shutdown timeout cannot be negative");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    // Azure Storage derives queue, table and container names from the hub name; these are the rules all three accept.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex HubName();
}
