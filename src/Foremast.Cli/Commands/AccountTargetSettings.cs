using System.ComponentModel;
using Spectre.Console.Cli;

namespace Foremast.Cli.Commands;

/// <summary>
/// Options of the commands that work on the live account for a runway directory (<c>infra</c>, <c>diff</c>, <c>autoscaling</c>);
/// absent ones fall back to Foremast's environment variables (see <see cref="Infra.InfraArguments"/>).
/// </summary>
public class AccountTargetSettings : ForemastEnvSettings
{
    [CommandOption("--env <ENV>")]
    [Description("The env; defaults to $ENV.")]
    public string? Env { get; init; }

    [CommandOption("--region <REGION>")]
    [Description("The region; defaults to $REGION.")]
    public string? Region { get; init; }

    [CommandOption("--config <FILE>")]
    [Description("Global Foremast config JSON (the sections of config.py).")]
    public string? ConfigFile { get; init; }
}
