using System.Diagnostics;
using Foremast.Aws.Http;
using Foremast.Workflows.Telemetry;
using Microsoft.Extensions.Logging;

namespace Foremast.Aws.Safety;

/// <summary>
/// The first handler of every AWS client: classifies the call, tells the observers, and in a read-only session (a dry run)
/// refuses any mutating call before it leaves the process. Executors already apply nothing in dry runs; this makes a
/// mistake there fail loudly instead of changing an account. It is also where each call becomes a client span and is
/// counted (<see cref="ForemastTelemetry.AwsCalls"/>, <see cref="ForemastTelemetry.AwsCallDuration"/>), retries included.
/// </summary>
public sealed class AwsCallGuardHandler(string service, bool readOnly, IEnumerable<IAwsCallObserver> observers, ILogger logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = await AwsCallClassifier.ClassifyAsync(request, service, cancellationToken).ConfigureAwait(false);
        foreach (var observer in observers) observer.OnCall(call, readOnly);
        if (readOnly && call.Mutating) throw new MutationRefusedException(call);
        logger.LogDebug("AWS {Service} {Operation}", call.Service, call.Operation);
        request.Options.Set(AwsRequestOptions.Call, call);

        using var span = ForemastTelemetry.Source.StartActivity($"aws {call.Service}.{call.Operation}", ActivityKind.Client);
        span?.SetTag(ForemastTelemetry.AwsServiceTag, call.Service);
        span?.SetTag(ForemastTelemetry.AwsOperationTag, call.Operation);
        var started = Stopwatch.GetTimestamp();
        var status = "error";
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            span?.SetTag(ForemastTelemetry.AwsStatusTag, (int)response.StatusCode);
            if (!response.IsSuccessStatusCode) span?.SetStatus(ActivityStatusCode.Error);
            return response;
        }
        catch (Exception e)
        {
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
        finally
        {
            KeyValuePair<string, object?>[] tags =
            [
                new(ForemastTelemetry.AwsServiceTag, call.Service),
                new(ForemastTelemetry.AwsOperationTag, call.Operation),
                new(ForemastTelemetry.AwsStatusTag, status),
            ];
            ForemastTelemetry.AwsCalls.Add(1, tags);
            ForemastTelemetry.AwsCallDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }
}
