using Microsoft.Extensions.Logging;

namespace Foremast.Aws.Safety;

/// <summary>
/// The first handler of every AWS client: classifies the call, tells the observers, and in a read-only session (a dry run)
/// refuses any mutating call before it leaves the process. Executors already apply nothing in dry runs; this makes a
/// mistake there fail loudly instead of changing an account.
/// </summary>
public sealed class AwsCallGuardHandler(string service, bool readOnly, IEnumerable<IAwsCallObserver> observers, ILogger logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = await AwsCallClassifier.ClassifyAsync(request, service, cancellationToken).ConfigureAwait(false);
        foreach (var observer in observers) observer.OnCall(call, readOnly);
        if (readOnly && call.Mutating) throw new MutationRefusedException(call);
        logger.LogDebug("AWS {Service} {Operation}", call.Service, call.Operation);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
