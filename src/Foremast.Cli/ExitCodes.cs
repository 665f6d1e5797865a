namespace Foremast.Cli;

public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Invalid = 2;
    public const int Stopped = 3;
}
