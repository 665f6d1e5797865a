using System.Text.Json.Nodes;

namespace Foremast.Spinnaker.Gate;

/// <summary>One poll of <c>GET /tasks/{id}</c>: the orca status and the raw body, for the failure message.</summary>
public sealed record GateTask(string Id, string Status, JsonObject Body)
{
    public bool Succeeded => Status == "SUCCEEDED";

    /// <summary>
    /// Finished orca states other than SUCCEEDED. Only SUCCEEDED counts as done, as in Foremast; a task that was
    /// stopped, skipped or canceled did not upsert anything, so it fails loudly with its state name.
    /// </summary>
    public bool Failed => Status is "TERMINAL" or "FAILED_CONTINUE" or "CANCELED" or "STOPPED" or "SKIPPED";

    /// <summary>
    /// Gate reports a failed task's reason in <c>variables[key=exception].value.details</c> (<c>errors[]</c>, then
    /// <c>error</c>); Gate's own savePipeline uses the same place.
    /// </summary>
    public string? FailureMessage()
    {
        foreach (var variable in Body["variables"] as JsonArray ?? [])
        {
            if (variable?["key"]?.GetValue<string>() != "exception") continue;
            var details = variable["value"]?["details"];
            if (details?["errors"] is JsonArray { Count: > 0 } errors) return string.Join("; ", errors.Select(e => e?.ToString()));
            if (details?["error"] is JsonValue error) return error.ToString();
        }

        return null;
    }
}
