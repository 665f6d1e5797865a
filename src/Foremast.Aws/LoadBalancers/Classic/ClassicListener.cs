namespace Foremast.Aws.LoadBalancers.Classic;

/// <summary>A classic ELB listener (SDK <c>Amazon.ElasticLoadBalancing.Model.Listener</c>).</summary>
public sealed record ClassicListener(string Protocol, int LoadBalancerPort, string InstanceProtocol, int InstancePort, string? SSLCertificateId = null)
{
    public string FrontEnd => $"{Protocol}:{LoadBalancerPort}";

    public override string ToString() => $"{Protocol}:{LoadBalancerPort} → {InstanceProtocol}:{InstancePort}" + (SSLCertificateId is null ? "" : $" ({SSLCertificateId})");
}
