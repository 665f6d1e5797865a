namespace Foremast.Aws.LoadBalancers.Classic;

/// <summary>A listener with the policies set on it (SDK <c>ListenerDescription</c>).</summary>
public sealed record ClassicListenerDescription(ClassicListener Listener, IReadOnlyList<string> PolicyNames);
