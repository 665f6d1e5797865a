namespace Foremast.Core.Config.Settings;

/// <summary>A stage's settings do not have the shape its executor reads; the message names the JSON path.</summary>
public sealed class StageSettingsException(string path, string problem) : Exception($"{path}: {problem}")
{
    public string Path { get; } = path;
}
