using Foremast.Cli.Commands;
using Spectre.Console.Cli;

namespace Foremast.Cli.Tests;

/// <summary><c>foremast run --dry-run</c> has three answers, because an unsaid one leaves the decision to the engine's default.</summary>
public sealed class RunDryRunFlagTests
{
    [Theory]
    [InlineData(new[] { "--dry-run" }, true)]
    [InlineData(new[] { "--dry-run", "true" }, true)]
    [InlineData(new[] { "--dry-run", "false" }, false)]
    [InlineData(new string[0], null)]
    public void The_flag_is_true_false_or_unsaid(string[] flag, bool? expected)
    {
        var app = new CommandApp<Capture>();
        app.Configure(c => c.PropagateExceptions());

        Assert.Equal(0, app.Run([Path.GetTempPath(), .. flag]));
        Assert.Equal(expected, Capture.Last);
    }

    private sealed class Capture : Command<RunCommand.Settings>
    {
        // The cases of one theory run one after another, and no other class uses this command.
        public static bool? Last;

        public override int Execute(CommandContext context, RunCommand.Settings settings, CancellationToken cancellationToken)
        {
            Last = settings.DryRun;
            return 0;
        }
    }
}
