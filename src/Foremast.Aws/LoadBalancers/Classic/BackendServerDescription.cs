namespace Foremast.Aws.LoadBalancers.Classic;

/// <summary>Policies applied to the traffic towards one instance port (SDK <c>BackendServerDescription</c>).</summary>
public sealed record BackendServerDescription(int InstancePort, IReadOnlyList<string> PolicyNames);
