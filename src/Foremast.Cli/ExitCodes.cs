namespace Foremast.Cli;

public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Invalid = 2;
    public const int Stopped = 3;

    /// <summary><c>foremast diff</c>: the live account differs from the config.</summary>
    public const int Drift = 4;
}
