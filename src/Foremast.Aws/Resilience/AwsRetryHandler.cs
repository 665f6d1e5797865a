using Polly;

namespace Foremast.Aws.Resilience;

/// <summary>
/// Runs each request through the AWS resilience pipeline. It sits below the signer, so a retry resends the signed request
/// (valid for 15 minutes) rather than signing it twice; request bodies were buffered by the guard above.
/// </summary>
public sealed class AwsRetryHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null) await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        return await pipeline.ExecuteAsync(
            static async (state, token) => await state.Handler.BaseSend(state.Request, token).ConfigureAwait(false),
            (Handler: this, Request: request),
            cancellationToken).ConfigureAwait(false);
    }

    private Task<HttpResponseMessage> BaseSend(HttpRequestMessage request, CancellationToken cancellationToken) => base.SendAsync(request, cancellationToken);
}
