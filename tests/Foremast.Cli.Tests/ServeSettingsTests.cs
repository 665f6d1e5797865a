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
    public void Dry_run_false_is_passed_on_so_the_engine_can_refuse_it()
    {
        var config = ServeSettings.ToConfiguration(new ServeCommand.Settings { DryRun = false }).ToDictionary(kv => kv.Key, kv => kv.Value);

        Assert.Equal("False", config["Foremast:Local:DryRun"]);
    }

    [Fact]
    public void Serve_refuses_to_run_without_dry_run_before_touching_storage()
    {
        var (code, _, error) = CliRunner.Run("serve", "--port", "0", "--dry-run", "false");

        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Contains("dry-run", error);
    }
}
