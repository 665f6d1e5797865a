using System.Diagnostics;

namespace Foremast.Cli.Tests;

/// <summary><c>foremast completion bash</c>, loaded into a real bash and asked as bash asks on Tab.</summary>
public sealed class CompletionTests
{
    [Theory]
    [InlineData("foremast val", "validate")]
    [InlineData("foremast pipeline o", "onetime")]
    [InlineData("foremast generate examples/runway --loo", "--lookups")]
    [InlineData("foremast pipeline onetime --ema", "--email")]
    [InlineData("foremast run x --appr", "--approve")]
    public async Task Bash_completes_commands_subcommands_and_each_command_s_options(string line, string expected)
    {
        var (code, script, _) = CliRunner.Run("completion", "bash");
        Assert.Equal(0, code);

        var words = line.Split(' ');
        var probe = $"{script}\nCOMP_WORDS=({string.Join(' ', words.Select(w => $"'{w}'"))}); COMP_CWORD={words.Length - 1}; _foremast; printf '%s\\n' \"${{COMPREPLY[@]}}\"";
        var start = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        using var bash = Process.Start(start)!;
        await bash.StandardInput.WriteAsync(probe);
        bash.StandardInput.Close();
        var completions = (await bash.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await bash.WaitForExitAsync();

        Assert.Equal([expected], completions);
    }

    [Fact]
    public void Unknown_shell_is_refused_with_exit_2()
    {
        var (code, _, error) = CliRunner.Run("completion", "fish");

        Assert.Equal(2, code);
        Assert.Contains("expected bash or zsh", error);
    }
}
