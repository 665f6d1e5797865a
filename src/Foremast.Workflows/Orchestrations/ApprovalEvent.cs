using System.Text.Json.Serialization;

namespace Foremast.Workflows.Orchestrations;

[JsonConverter(typeof(JsonStringEnumConverter<ApprovalDecision>))]
public enum ApprovalDecision
{
    Approve,
    Reject,
}

/// <summary>The payload of the external event that decides a checkpoint.</summary>
/// <param name="At">When the person decided; the orchestration's own time is used when it is missing.</param>
public sealed record ApprovalEvent(ApprovalDecision Decision, string By, string? Comment = null, DateTime? At = null);

/// <summary>Checkpoint event names. Region and env are both in the name, so a decision for one gate can never release another.</summary>
public static class ApprovalGate
{
    public static string EventName(string region, string env, bool promote = false) =>
        promote ? $"approval:{region}:{env}:promote" : $"approval:{region}:{env}";
}
