using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Workflows.DryRun;

public sealed class DryRunWebhookCaller(IActionRecorder recorder) : IWebhookCaller, IRecordingExecutor
{
    public Task<int> CallAsync(StageRequest request, CancellationToken cancellationToken)
    {
        var method = request.Settings.TryGetProperty("method", out var m) ? m.ToString().ToUpperInvariant() : "POST";
        var url = request.Settings.TryGetProperty("url", out var u) ? u.ToString() : "?";
        recorder.Record(request, "webhook", $"{method} {url}");
        return Task.FromResult(200);
    }
}
