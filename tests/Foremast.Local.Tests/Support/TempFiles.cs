namespace Foremast.Local.Tests.Support;

public static class TempFiles
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "foremast-local-tests");

    /// <summary>A fresh actions log path per engine; the file survives the engine so a restarted one appends to it.</summary>
    public static string ActionsLog(string name)
    {
        Directory.CreateDirectory(Root);
        return Path.Combine(Root, $"{name}-{Guid.NewGuid():N}.jsonl");
    }
}
