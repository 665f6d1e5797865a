using System.ComponentModel;
using System.Diagnostics;
using Foremast.Cli.Serve;
using Foremast.Local;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console.Cli;

namespace Foremast.Cli.Commands;

/// <summary>Runs the local durable engine until Ctrl+C or SIGTERM; runs survive a restart because their state is in storage.</summary>
public sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--port <PORT>")]
        [Description("HTTP port of the API on 127.0.0.1; 0 picks a free one. Default 7071.")]
        public int? Port { get; init; }

        [CommandOption("--hub <NAME>")]
        [Description("Task hub name (letters and digits). Default ForemastLocal.")]
        public string? Hub { get; init; }

        [CommandOption("--storage <CONNECTION>")]
        [Description("Azure Storage connection string. Default: Azurite on 127.0.0.1, started from node_modules when not running.")]
        public string? Storage { get; init; }

        [CommandOption("--dry-run")]
        [DefaultValue(true)]
        [Description("Default for runs whose start request does not say: dry (no mutating call anywhere). On by default; --dry-run false makes such runs live, and a live run fails its first cloud stage while the engine has no AWS executors.")]
        public bool DryRun { get; init; } = true;

        [CommandOption("--actions-log <FILE>")]
        [Description("Append every dry-run action as a JSON line to FILE, so the record survives a crash.")]
        public string? ActionsLog { get; init; }

        [CommandOption("--config <FILE>")]
        [Description("Global Foremast config (.json, INI .cfg or config.py) for runs that name none; found as the other commands find it when absent.")]
        public string? ConfigFile { get; init; }

        [CommandOption("--worker-id <ID>")]
        [Description("Identity in the partition lease table; default machine name and process id. Never share one between running engines.")]
        public string? WorkerId { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        WebApplication app;
        try
        {
            // Building reads the options too (the shutdown timeout), so invalid settings can surface here already.
            var builder = LocalEngine.CreateBuilder(settings: ServeSettings.ToConfiguration(settings));
            builder.Configuration.AddInMemoryCollection(ServeSettings.ConfigFile(settings, builder.Configuration));
            app = LocalEngine.Build(builder);
        }
        catch (OptionsValidationException e)
        {
            return Invalid(e);
        }

        await using var engine = app;
        var stopping = new Stopwatch();
        app.Lifetime.ApplicationStopping.Register(stopping.Start);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (OptionsValidationException e)
        {
            return Invalid(e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // No storage (Azurite missing, unreachable account) is an operator error: say so, without a stack trace.
            Console.Error.WriteLine($"error: the engine could not start: {e.Message}");
            return ExitCodes.Failed;
        }

        var options = app.Services.GetRequiredService<IOptions<LocalEngineOptions>>().Value;
        Console.Out.WriteLine($"foremast engine listening on {app.HttpUrl()} (task hub {options.TaskHub}, worker {options.EffectiveWorkerId}, " +
                              $"{(options.DryRun ? "runs dry unless they say" : "runs live unless they say")}{(options.ActionsLog is { } log ? $", actions log {log}" : "")}); ready in {started.ElapsedMilliseconds} ms");

        // Ctrl+C and SIGTERM stop the host's lifetime; the shutdown budget is Foremast:Local:ShutdownTimeout.
        await app.WaitForShutdownAsync(cancellationToken);
        Console.Out.WriteLine($"foremast engine stopped in {stopping.ElapsedMilliseconds} ms");
        return ExitCodes.Ok;
    }

    private static int Invalid(OptionsValidationException e)
    {
        Console.Error.WriteLine($"error: {string.Join("; ", e.Failures)}");
        return ExitCodes.Invalid;
    }
}
