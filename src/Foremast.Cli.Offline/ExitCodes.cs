namespace Foremast.Cli;

public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Invalid = 2;
    public const int Stopped = 3;

    /// <summary><c>foremast diff</c>: the live account differs from the config.</summary>
    public const int Drift = 4;

    /// <summary><c>foremast run</c> stopped by SIGINT or SIGTERM while it followed a run (128 + SIGINT, the shell's convention).</summary>
    public const int Interrupted = 130;
}
