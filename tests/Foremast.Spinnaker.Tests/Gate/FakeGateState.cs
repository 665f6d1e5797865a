using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Foremast.Spinnaker.Tests.Gate;

/// <summary>What a submitted task does when polled.</summary>
public enum FakeTaskOutcome
{
    Succeed,
    Terminal,
    StuckRunning,
}

/// <summary>
/// In-memory front50/orca behind the fake Gate, enforcing the rules a client can trip over (reference
/// aws-and-spinnaker.md §5): pipelines need name and application; a name already used in the application is refused
/// unless the request carries that pipeline's id; createApplication needs a valid name and an email.
/// </summary>
public sealed partial class FakeGateState
{
    private readonly object _lock = new();
    private readonly Dictionary<string, JsonObject> _applications = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<JsonObject> _pipelines = [];
    private readonly Dictionary<string, FakeTask> _tasks = new(StringComparer.Ordinal);
    private int _nextTask;
    private int _nextPipeline;

    public FakeTaskOutcome TaskOutcome { get; set; } = FakeTaskOutcome.Succeed;

    public string TerminalMessage { get; set; } = "task failed";

    /// <summary>Polls that answer RUNNING before the outcome, so clients must really poll.</summary>
    public int RunningPolls { get; set; } = 1;

    public IReadOnlyDictionary<string, JsonObject> Applications
    {
        get { lock (_lock) return _applications.ToDictionary(p => p.Key, p => (JsonObject)p.Value.DeepClone()); }
    }

    public IReadOnlyList<JsonObject> Pipelines(string app)
    {
        lock (_lock) return _pipelines.Where(p => SameApp(p, app)).Select(p => (JsonObject)p.DeepClone()).ToList();
    }

    /// <summary>Seeds a pipeline as if saved earlier (an id is assigned when missing).</summary>
    public JsonObject Seed(JsonObject pipeline)
    {
        var copy = (JsonObject)pipeline.DeepClone();
        lock (_lock)
        {
            copy["id"] ??= NewPipelineId();
            _pipelines.Add(copy);
        }

        return copy;
    }

    public JsonObject? Application(string name)
    {
        lock (_lock) return _applications.TryGetValue(name, out var app) ? (JsonObject)app.DeepClone() : null;
    }

    public JsonArray PipelineConfigs(string app)
    {
        lock (_lock) return new JsonArray(_pipelines.Where(p => SameApp(p, app)).Select(p => (JsonNode)p.DeepClone()).ToArray());
    }

    /// <summary>front50's save: returns an error message, or null when saved.</summary>
    public string? SavePipeline(JsonObject pipeline, string user)
    {
        var name = Text(pipeline["name"]);
        var app = Text(pipeline["application"]);
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(app)) return "A pipeline requires name and application fields";

        lock (_lock)
        {
            var id = Text(pipeline["id"]);
            var sameName = _pipelines.FirstOrDefault(p => SameApp(p, app) && Text(p["name"]) == name);
            if (sameName is not null && Text(sameName["id"]) != id) return $"A pipeline with name {name} already exists in application {app}";

            var saved = (JsonObject)pipeline.DeepClone();
            saved["id"] = id ?? NewPipelineId();
            saved["updateTs"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString();
            saved["lastModifiedBy"] = user;
            _pipelines.RemoveAll(p => Text(p["id"]) == Text(saved["id"]));
            _pipelines.Add(saved);
            return null;
        }
    }

    public bool DeletePipeline(string app, string name)
    {
        lock (_lock) return _pipelines.RemoveAll(p => SameApp(p, app) && Text(p["name"]) == name) > 0;
    }

    public string SubmitTask(JsonObject body)
    {
        lock (_lock)
        {
            var id = $"01FAKE{++_nextTask:D4}";
            _tasks[id] = new FakeTask(id, (JsonObject)body.DeepClone(), TaskOutcome, TerminalMessage);
            return id;
        }
    }

    /// <summary>Advances the task one poll and returns orca's task view, or null for an unknown id.</summary>
    public JsonObject? PollTask(string id)
    {
        lock (_lock)
        {
            if (!_tasks.TryGetValue(id, out var task)) return null;
            task.Polls++;
            if (task.Status == "RUNNING" && task.Polls > RunningPolls) Finish(task);
            return task.View();
        }
    }

    private void Finish(FakeTask task)
    {
        switch (task.Outcome)
        {
            case FakeTaskOutcome.StuckRunning:
                return;
            case FakeTaskOutcome.Terminal:
                task.Fail(task.TerminalMessage);
                return;
        }

        // Orca validates and applies each job; the first failure ends the task TERMINAL.
        foreach (var job in task.Body["job"] as JsonArray ?? [])
        {
            if (Text(job?["type"]) is "createApplication" or "updateApplication" or "upsertApplication")
            {
                var error = UpsertApplication(job!["application"] as JsonObject);
                if (error is not null)
                {
                    task.Fail(error);
                    return;
                }
            }
        }

        task.Status = "SUCCEEDED";
    }

    private string? UpsertApplication(JsonObject? application)
    {
        var name = Text(application?["name"]);
        if (string.IsNullOrWhiteSpace(name)) return "Application name is required";
        if (!AwsAppName().IsMatch(name) || name.Length > 250) return $"Invalid application name '{name}'";
        if (string.IsNullOrWhiteSpace(Text(application!["email"]))) return "Application email is required";

        var attributes = (JsonObject)application.DeepClone();
        _applications[name] = new JsonObject { ["name"] = name.ToLowerInvariant(), ["attributes"] = attributes, ["clusters"] = new JsonObject() };
        return null;
    }

    private string NewPipelineId() => $"00000000-0000-4000-8000-{++_nextPipeline:D12}";

    private static bool SameApp(JsonObject pipeline, string app) => string.Equals(Text(pipeline["application"]), app, StringComparison.OrdinalIgnoreCase);

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    [GeneratedRegex("^[a-zA-Z_0-9.]*$")]
    private static partial Regex AwsAppName();

    private sealed class FakeTask(string id, JsonObject body, FakeTaskOutcome outcome, string terminalMessage)
    {
        private string? _failure;

        public JsonObject Body { get; } = body;

        public FakeTaskOutcome Outcome { get; } = outcome;

        public string TerminalMessage { get; } = terminalMessage;

        public string Status { get; set; } = "RUNNING";

        public int Polls { get; set; }

        public void Fail(string message)
        {
            Status = "TERMINAL";
            _failure = message;
        }

        public JsonObject View()
        {
            var variables = new JsonArray();
            if (_failure is not null)
            {
                variables.Add(new JsonObject
                {
                    ["key"] = "exception",
                    ["value"] = new JsonObject { ["details"] = new JsonObject { ["error"] = "Orchestration failed", ["errors"] = new JsonArray(_failure) } },
                });
            }

            return new JsonObject
            {
                ["id"] = id,
                ["name"] = Body["description"]?.DeepClone(),
                ["application"] = Body["application"]?.DeepClone(),
                ["status"] = Status,
                ["variables"] = variables,
                ["steps"] = new JsonArray(),
            };
        }
    }
}
