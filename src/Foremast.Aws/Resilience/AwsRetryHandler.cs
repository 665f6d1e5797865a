using Foremast.Aws.Http;
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
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        // The retry callback counts retries per service and operation (ForemastTelemetry.AwsRetries).
        if (request.Options.TryGetValue(AwsRequestOptions.Call, out var call)) context.Properties.Set(AwsResilience.CallProperty, call);
        try
        {
            return await pipeline.ExecuteAsync(
                static async (ctx, state) => await state.Handler.BaseSend(state.Request, ctx.CancellationToken).ConfigureAwait(false),
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> BaseSend(HttpRequestMessage request, CancellationToken cancellationToken) => base.SendAsync(request, cancellationToken);
}
