using System.Text.Json;

namespace Foremast.Core.Config.Settings;

/// <summary>The <c>dns</c> block of an env (reference §5.4) with Foremast's defaults.</summary>
/// <param name="Ttl">Seconds, for the CNAME records.</param>
/// <param name="FailoverDns">With more than one region: a failover alias record on the generic name.</param>
/// <param name="RegionSpecific">With one region: the region-specific CNAME as well.</param>
public sealed record DnsSettings(int Ttl = 60, bool FailoverDns = true, bool RegionSpecific = true)
{
    public static readonly DnsSettings Default = new();

    /// <exception cref="StageSettingsException">The section does not have this shape (the message names the JSON path).</exception>
    public static DnsSettings From(JsonElement settings) => StageSettings.Section(settings, "dns", Default);
}
