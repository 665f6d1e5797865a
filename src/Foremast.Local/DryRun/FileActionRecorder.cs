using System.Text.Json;
using Foremast.Workflows.DryRun;

namespace Foremast.Local.DryRun;

/// <summary>
/// Appends one JSON line per executed action and hands it to the OS before returning, so the record of everything an
/// activity did survives a kill -9 of the engine (the in-memory recorder would lose it). One writer per file: two
/// engines need two files.
/// </summary>
public sealed class FileActionRecorder : IActionRecorder, IDisposable
{
    private readonly Lock _gate = new();
    private readonly string _path;
    private readonly string _worker;
    private readonly TimeProvider _clock;
    private readonly FileStream _stream;
    private long _sequence;

    public FileActionRecorder(string path, string worker, TimeProvider? clock = null)
    {
        _path = Path.GetFullPath(path);
        _worker = worker;
        _clock = clock ?? TimeProvider.System;
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);

        // An engine restarted after a crash continues the numbering, so sequence order stays the order of execution.
        _sequence = ActionLog.Read(_path).Select(e => e.Sequence).DefaultIfEmpty(0).Max();
        _stream = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        DropTornLine(_stream);
        _stream.Seek(0, SeekOrigin.End);
    }

    public string FilePath => _path;

    public RecordedAction Record(string runId, string region, string? env, string stage, string action, string summary)
    {
        lock (_gate)
        {
            var recorded = new RecordedAction(_sequence + 1, runId, region, env, stage, action, summary);
            var line = JsonSerializer.SerializeToUtf8Bytes(ActionLogEntry.From(recorded, _worker, _clock.GetUtcNow().UtcDateTime), ActionLog.Json);
            _stream.Write(line);
            _stream.WriteByte((byte)'\n');

            // Flush reaches the OS page cache, which outlives the process; fsync would only add power-loss safety.
            _stream.Flush();
            _sequence++;
            return recorded;
        }
    }

    public IReadOnlyList<RecordedAction> Actions => ActionLog.Read(_path).Select(e => e.ToRecordedAction()).ToList();

    /// <summary>
    /// A line without its newline was being written when the last engine died. Its activity never completed and will
    /// record again, so the fragment goes; appending after it would glue two entries into one unreadable line.
    /// </summary>
    private static void DropTornLine(FileStream stream)
    {
        var length = stream.Length;
        var keep = length;
        while (keep > 0)
        {
            stream.Seek(keep - 1, SeekOrigin.Begin);
            if (stream.ReadByte() == '\n') break;
            keep--;
        }

        if (keep < length) stream.SetLength(keep);
    }

    public void Dispose()
    {
        lock (_gate) _stream.Dispose();
    }
}
