using Foremast.Core.Config.Settings;
using Foremast.Workflows.Activities;
using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Workflows.DryRun;

public sealed class DryRunWebhookCaller(IActionRecorder recorder) : IWebhookCaller, IRecordingExecutor
{
    public Task<WebhookResult> CallAsync(StageRequest request, CancellationToken cancellationToken)
    {
        var hook = StageSettings.Read<WebhookSettings>(request.Settings);
        recorder.Record(request, "webhook", $"{hook.EffectiveMethod} {hook.Url}");
        return Task.FromResult(new WebhookResult(null, $"would call {hook.EffectiveMethod} {hook.Url} (recorded)"));
    }
}
