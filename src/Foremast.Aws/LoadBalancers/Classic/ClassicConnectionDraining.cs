namespace Foremast.Aws.LoadBalancers.Classic;

/// <summary>SDK <c>ConnectionDraining</c>; <paramref name="Timeout"/> in seconds.</summary>
public sealed record ClassicConnectionDraining(bool Enabled, int? Timeout = null)
{
    public override string ToString() => Enabled ? $"{Timeout}s" : "off";
}
