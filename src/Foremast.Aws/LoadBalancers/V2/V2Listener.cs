namespace Foremast.Aws.LoadBalancers.V2;

/// <summary>A listener (SDK <c>Listener</c>) reduced to what Foremast configures: port, protocol, certificate, the target group it forwards to.</summary>
public sealed record V2Listener(string ListenerArn, int Port, string Protocol, string? CertificateArn, string? ForwardTargetGroupArn)
{
    public override string ToString() => $"{Protocol}:{Port}" + (CertificateArn is null ? "" : $" ({CertificateArn})");
}
