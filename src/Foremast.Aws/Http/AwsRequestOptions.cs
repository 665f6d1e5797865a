namespace Foremast.Aws.Http;

/// <summary>What a client tells the handlers below it about a request it cannot read from the wire alone.</summary>
public static class AwsRequestOptions
{
    /// <summary>The operation name of a REST call (Route53), whose HTTP method alone does not name it.</summary>
    public static readonly HttpRequestOptionsKey<string> Operation = new("Foremast.Aws.Operation");

    /// <summary>The classified call, set by the guard, so the retry pipeline can say which call it retried.</summary>
    public static readonly HttpRequestOptionsKey<Safety.AwsCall> Call = new("Foremast.Aws.Call");
}
