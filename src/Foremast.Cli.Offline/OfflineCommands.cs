using Foremast.Cli.Commands;

namespace Foremast.Cli;

/// <summary>The commands that read only files: all the native <c>foremast</c> runs itself (src/Foremast.Cli.Native).</summary>
public static class OfflineCommands
{
    public static CliCommand Validate { get; } = CliCommand.Of<ValidateCommand>("validate", "Check a runway directory; exit 0 when valid, 2 when not.");

    public static CliCommand Schema { get; } = CliCommand.Of<SchemaCommand>("schema", "Write the JSON Schemas of pipeline.json and application-master-{env}.json.");

    public static CliCommand Plan { get; } = CliCommand.Of<PlanCommand>("plan", "Print the per-region stage graph of a runway directory.");

    public static CliCommand Generate { get; } = CliCommand.Of<GenerateCommand>("generate", "Write the Spinnaker pipeline of every region (or the onetime pipelines of one env) as JSON files.");

    public static IReadOnlyList<CliCommand> All { get; } = [Validate, Schema, Plan, Generate];
}
