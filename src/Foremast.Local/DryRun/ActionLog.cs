using System.Text;
using System.Text.Json;

namespace Foremast.Local.DryRun;

/// <summary>Reads an actions log written by <see cref="FileActionRecorder"/>.</summary>
public static class ActionLog
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Every complete line, in file order. A last line without its newline is what a process killed mid-write leaves;
    /// it is skipped, because that action's activity did not complete and will run, and be recorded, again.
    /// </summary>
    public static IReadOnlyList<ActionLogEntry> Read(string path)
    {
        if (!File.Exists(path)) return [];

        string text;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        using (var reader = new StreamReader(stream, Encoding.UTF8))
        {
            text = reader.ReadToEnd();
        }

        var end = text.LastIndexOf('\n');
        if (end < 0) return [];
        return text[..end].Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize<ActionLogEntry>(line, Json) ?? throw new InvalidDataException($"{path}: empty entry"))
            .ToList();
    }
}
