using System.ComponentModel;
using Foremast.Cli.Output;
using Foremast.Core.Config;
using Foremast.Core.Plan;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Foremast.Cli.Commands;

public sealed class PlanCommand : Command<PlanCommand.Settings>
{
    public sealed class Settings : RunwaySettings
    {
        [CommandOption("--json")]
        [Description("Print the plan as JSON instead of a tree.")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var result = RunwayLoader.Load(settings.ToLoadRequest(requireNames: true));
        var code = DiagnosticWriter.Report(result, Console.Error);
        if (code != ExitCodes.Ok) return code;

        var plan = StagePlanner.Plan(result.Snapshot!);
        if (settings.Json) Console.Out.WriteLine(PlanJson.Serialize(plan));
        else AnsiConsole.Write(PlanTree.Render(plan));
        return ExitCodes.Ok;
    }
}
