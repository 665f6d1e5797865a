using Foremast.Cli.Output;
using Foremast.Core.Config;
using Spectre.Console.Cli;

namespace Foremast.Cli.Commands;

public sealed class ValidateCommand : Command<RunwaySettings>
{
    public override int Execute(CommandContext context, RunwaySettings settings, CancellationToken cancellationToken)
    {
        var result = RunwayLoader.Load(settings.ToLoadRequest(requireNames: false));
        var code = DiagnosticWriter.Report(result, Console.Error);
        if (code == ExitCodes.Ok) Console.Out.WriteLine($"{settings.RunwayDirectory}: valid ({result.Snapshot!.Environments.Count} envs)");
        return code;
    }
}
