using System.Diagnostics;

namespace Foremast.Cli.Native;

/// <summary>
/// Which command lines the managed foremast runs, and the hand-off itself: on Linux and macOS the managed foremast
/// replaces this process (execv), so its exit code, its signals (Ctrl+C during <c>foremast run</c>) and its standard
/// streams are the user's directly, as if it had been started first.
/// </summary>
internal static partial class EngineHandoff
{
    public const string EngineFolder = "engine";

    /// <summary>True unless the line names an offline command that reads no account.</summary>
    public static bool Needed(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || !OfflineCommands.All.Any(c => c.Name == args[0])) return true;
        return args[0] == "generate" && ReadsAccount(args);
    }

    /// <summary><c>--lookups aws</c> in any of the spellings Spectre accepts.</summary>
    private static bool ReadsAccount(IReadOnlyList<string> args)
    {
        for (var i = 1; i < args.Count; i++)
        {
            if (args[i] is "--lookups=aws" or "--lookups:aws") return true;
            if (args[i] == "--lookups" && i + 1 < args.Count && args[i + 1] == "aws") return true;
        }

        return false;
    }

    /// <summary>Runs the managed foremast with the same arguments; returns only if it could not be started (or on Windows, its exit code).</summary>
    public static int Run(IReadOnlyList<string> args)
    {
        var engine = Path.Combine(AppContext.BaseDirectory, EngineFolder, "foremast.dll");
        var what = args.Count == 0 ? "foremast" : $"foremast {args[0]}";
        if (!File.Exists(engine))
        {
            Console.Error.WriteLine($"error: {what} runs in the managed foremast, and {engine} is missing: reinstall with scripts/install-tool.sh");
            return ExitCodes.Failed;
        }

        if (DotnetHost.Find() is not { } dotnet)
        {
            Console.Error.WriteLine($"error: {what} needs the .NET runtime: no dotnet in DOTNET_ROOT or on PATH");
            return ExitCodes.Failed;
        }

        if (OperatingSystem.IsWindows()) return RunChild(dotnet, engine, args);
        string?[] argv = [dotnet, engine, .. args, null];
        Execv(dotnet, argv);
        Console.Error.WriteLine($"error: {what}: could not start {dotnet} (errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()})");
        return ExitCodes.Failed;
    }

    // Windows has no exec: the child inherits the console and its exit code is passed on.
    private static int RunChild(string dotnet, string engine, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(dotnet) { UseShellExecute = false };
        start.ArgumentList.Add(engine);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var child = Process.Start(start)!;
        child.WaitForExit();
        return child.ExitCode;
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "execv", SetLastError = true, StringMarshalling = System.Runtime.InteropServices.StringMarshalling.Utf8)]
    private static partial int Execv(string path, string?[] argv);
}
