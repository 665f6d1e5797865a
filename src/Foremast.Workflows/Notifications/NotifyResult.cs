namespace Foremast.Workflows.Notifications;

/// <summary>
/// What one delivery attempt did: the targets it could not reach. Every other target of the attempt received the
/// message, so the orchestration retries only these; the state lives in the activity's output (durable history), not
/// in the process that sent.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(NotifyResultConverter))]
public sealed record NotifyResult(IReadOnlyList<TargetFailure> Failed)
{
    public static readonly NotifyResult Delivered = new([]);
}
