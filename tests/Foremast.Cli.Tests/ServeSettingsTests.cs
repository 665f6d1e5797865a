using Foremast.Cli.Commands;
using Foremast.Cli.Serve;

namespace Foremast.Cli.Tests;

public class ServeSettingsTests
{
    [Fact]
    public void Serve_flags_become_local_engine_settings_and_unset_flags_are_left_to_the_environment()
    {
        var settings = new ServeCommand.Settings { Port = 0, Hub = "DevHub", ActionsLog = "actions.jsonl" };

        var config = ServeSettings.ToConfiguration(settings).ToDictionary(kv => kv.Key, kv => kv.Value);

        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["Foremast:Local:Port"] = "0",
                ["Foremast:Local:TaskHub"] = "DevHub",
                ["Foremast:Local:ActionsLog"] = Path.GetFullPath("actions.jsonl"),
            },
            config);
    }

    [Fact]
    public void Dry_run_false_becomes_the_engine_default_for_runs_that_do_not_say()
    {
        var config = ServeSettings.ToConfiguration(new ServeCommand.Settings { DryRun = false }).ToDictionary(kv => kv.Key, kv => kv.Value);

        Assert.Equal("False", config["Foremast:Local:DryRun"]);
    }
}
