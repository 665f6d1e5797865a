using System.Text.Json.Serialization;

namespace Foremast.Workflows.Orchestrations;

[JsonConverter(typeof(JsonStringEnumConverter<ApprovalDecision>))]
public enum ApprovalDecision
{
    Approve,
    Reject,
}

/// <summary>The payload of the external event that decides a checkpoint. Its JSON names are a contract with every host that raises it.</summary>
/// <param name="At">When the person decided; the orchestration's own time is used when it is missing.</param>
/// <param name="Verified">True when <see cref="By"/> came from the platform's identity header, false for a typed name.</param>
/// <param name="DecisionId">Unique per request; the checkpoint echoes the one it took in its status (<see cref="Status.CheckpointDecision"/>).</param>
/// <param name="Source">The address the decision came from, as the API trusts it (the peer, or its trusted proxies' <c>X-Forwarded-For</c> entry).</param>
/// <param name="ForwardedFor">Addresses the request claimed that no trusted proxy vouches for; kept for the audit.</param>
public sealed record ApprovalEvent(
    [property: JsonPropertyName("decision")] ApprovalDecision Decision,
    [property: JsonPropertyName("by")] string By,
    [property: JsonPropertyName("comment")] string? Comment = null,
    [property: JsonPropertyName("at")] DateTime? At = null,
    [property: JsonPropertyName("decisionId")] string? DecisionId = null,
    [property: JsonPropertyName("verified")] bool Verified = false,
    [property: JsonPropertyName("source")] string? Source = null,
    [property: JsonPropertyName("forwardedFor")] string? ForwardedFor = null);

/// <summary>Checkpoint event names. Region and env are both in the name, so a decision for one gate can never release another.</summary>
public static class ApprovalGate
{
    public static string EventName(string region, string env, bool promote = false) =>
        promote ? $"approval:{region}:{env}:promote" : $"approval:{region}:{env}";
}
