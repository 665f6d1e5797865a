namespace Foremast.Spinnaker.Gate;

/// <summary>Builds a <see cref="GateClient"/> with its own handler (TLS and client certificate from the options).</summary>
public static class GateClientFactory
{
    public static GateClient Create(GateOptions options)
    {
        var http = new HttpClient(GateHttpHandlerFactory.Create(options), disposeHandler: true)
        {
            // The resilience pipeline owns timeouts (per attempt); HttpClient's own would cut across retries.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        return new GateClient(http, options, ownsHttpClient: true);
    }
}
