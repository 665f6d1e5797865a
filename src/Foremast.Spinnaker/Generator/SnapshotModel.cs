using System.Runtime.CompilerServices;
using System.Text.Json;
using Foremast.Core.Config;
using Foremast.Core.Naming;
using Scriban.Runtime;

namespace Foremast.Spinnaker.Generator;

/// <summary>
/// The snapshot's JSON converted to Scriban objects once per snapshot (and per env/region on first use), so
/// generating the same snapshot again, as a retried durable activity or the benchmark does, converts nothing.
/// </summary>
internal sealed class SnapshotModel
{
    private static readonly ConditionalWeakTable<ConfigSnapshot, SnapshotModel> Cache = new();

    private readonly ConfigSnapshot _snapshot;
    private readonly Dictionary<(string Env, string Region), ScriptObject> _settings = [];
    private readonly Lock _lock = new();

    private SnapshotModel(ConfigSnapshot snapshot)
    {
        _snapshot = snapshot;
        Pipeline = (ScriptObject?)ScriptValues.From(snapshot.Pipeline) ?? new ScriptObject();
        Names = new NameGenerator(snapshot.Project, snapshot.Repo, snapshot.Settings.Formats);
    }

    public ScriptObject Pipeline { get; }

    public NameGenerator Names { get; }

    public static SnapshotModel For(ConfigSnapshot snapshot) => Cache.GetValue(snapshot, s => new SnapshotModel(s));

    /// <summary>Foremast's <c>settings[env][region]</c> (the region document, else the env document), converted once.</summary>
    public ScriptObject SettingsFor(string env, string region)
    {
        lock (_lock)
        {
            if (!_settings.TryGetValue((env, region), out var settings))
            {
                settings = ScriptValues.From(_snapshot.SettingsFor(env, region)) as ScriptObject ?? new ScriptObject();
                _settings[(env, region)] = settings;
            }

            return settings;
        }
    }

    /// <summary>A string under <c>pipeline.json</c>, e.g. <c>PipelineText("image", "builder")</c>.</summary>
    public string? PipelineText(params string[] path) => PipelineValue(path)?.ToString();

    public object? PipelineValue(params string[] path)
    {
        object? current = Pipeline;
        foreach (var key in path) current = current is ScriptObject obj && obj.TryGetValue(key, out var next) ? next : null;
        return current;
    }
}
