using System.ComponentModel;
using Foremast.Cli.Run;
using Foremast.Local;
using Foremast.Api.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Foremast.Cli.Commands;

/// <summary>
/// Starts a run of a runway directory on a local engine (in this process unless <c>--server</c> names one) through the
/// HTTP API, and follows it to the end. Exit 0 succeeded, 1 failed, 2 invalid input or config, 3 stopped at a checkpoint.
/// </summary>
public sealed class RunCommand : AsyncCommand<RunCommand.Settings>
{
    public sealed class Settings : RunwaySettings
    {
        [CommandOption("--artifact <VERSION[=URL]>")]
        [Description("Artifact to deploy: version, optionally =package URL. Default 0.0.0-local. A run id is derived from config and version, so the same pair finds the earlier run: an ended one is reported with its result as the exit code, a running one is followed.")]
        public string? Artifact { get; init; }

        [CommandOption("--rerun")]
        [Description("When an earlier run of the same config and artifact has ended, start a new attempt of it from its first stage ({runId}-r{N}, with the config it pinned). Refused while it still runs.")]
        public bool Rerun { get; init; }

        [CommandOption("--dry-run")]
        [Description("A dry run: no mutating call (AWS, Gate, webhooks), whatever the engine's executors. --dry-run false asks for a live run; absent, the engine's default decides (dry for foremast serve unless started with --dry-run false).")]
        public bool? DryRun { get; init; }

        [CommandOption("--server <URL>")]
        [Description("A running engine (foremast serve or the Functions app) instead of one started in this process.")]
        public string? Server { get; init; }

        [CommandOption("--approve")]
        [Description("Approve every open checkpoint through its link (by=foremast-run): for demos and CI.")]
        public bool Approve { get; init; }

        [CommandOption("--timeout <SECONDS>")]
        [Description("Give up following the run after this long (exit 1; the run itself goes on). Default 1800.")]
        public int Timeout { get; init; } = 1800;

        [CommandOption("--hub <NAME>")]
        [Description("Task hub of the in-process engine. Default ForemastLocal.")]
        public string? Hub { get; init; }

        [CommandOption("--plain")]
        [Description("Line-by-line output even on a terminal (it is the default when output is redirected).")]
        public bool Plain { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (Check(settings) is { } problem)
        {
            Console.Error.WriteLine($"error: {problem}");
            return ExitCodes.Invalid;
        }

        // A --server engine loads the runway with its own Foremast:ConfigFile (StartRunBody carries no config), so the
        // line names that engine's config instead of a file on this machine that nothing reads.
        if (settings.Server is { } server) Console.Error.WriteLine($"using the config of the engine at {server} (its Foremast:ConfigFile, else Foremast's defaults)");
        var request = settings.ToLoadRequest(requireNames: true, readsConfig: settings.Server is null);
        (string Version, string Url) artifact;
        try
        {
            artifact = ArtifactOption.Parse(settings.Artifact, request.Repo);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Invalid;
        }

        // Ctrl+C and SIGTERM stop following (exit 130) instead of ending the process under the engine.
        using var signals = new StopSignals();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, signals.Token);
        InProcessEngine? engine = null;
        try
        {
            if (settings.Server is null)
            {
                engine = await StartEngineAsync(settings, stop.Token);
                if (engine is null) return signals.Received is null ? ExitCodes.Failed : Interrupted(signals, null, null, null);
            }

            return await StartAndFollowAsync(settings, request, artifact, engine, signals, stop.Token);
        }
        catch (OperationCanceledException) when (signals.Received is not null)
        {
            return Interrupted(signals, null, null, engine);
        }
        finally
        {
            // A stopped follower must end within seconds: the engine gets a short budget (its durable state is in storage).
            if (engine is not null)
            {
                await engine.StopAsync(signals.Received is null ? TimeSpan.FromSeconds(30) : StopBudget, quiet: signals.Received is not null);
                await engine.DisposeAsync();
            }
        }
    }

    /// <summary>How long a signalled <c>foremast run</c> gives its in-process engine (and the Azurite it started) to stop.</summary>
    private static readonly TimeSpan StopBudget = TimeSpan.FromSeconds(1.5);

    private static async Task<int> StartAndFollowAsync(
        Settings settings, Foremast.Core.Config.LoadRequest request, (string Version, string Url) artifact, InProcessEngine? engine, StopSignals signals, CancellationToken cancellationToken)
    {
        using var client = new EngineClient(engine?.Url ?? new Uri(settings.Server!.TrimEnd('/') + "/"));

        var body = new StartRunBody(null, request.Project, request.Repo, new StartRunSource(Path.GetFullPath(settings.RunwayDirectory), null, null),
            new StartRunArtifact(artifact.Version, artifact.Url), settings.DryRun);
        RunStartReply started;
        try
        {
            started = await client.StartAsync(body, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            // An engine that is not there is an operator error: one line, no stack trace.
            Console.Error.WriteLine($"error: cannot reach the engine at {client.Server}: {e.Message}");
            return ExitCodes.Failed;
        }

        if (started.RunId is null)
        {
            Console.Error.WriteLine($"error: the engine refused the run (HTTP {started.Status}): {started.Body}");
            return started.Status is 400 or 422 ? ExitCodes.Invalid : ExitCodes.Failed;
        }

        string runId;
        try
        {
            var (chosen, code) = await new RunToFollow(client, Console.Out, Console.Error).ChooseAsync(started, settings.Rerun, cancellationToken);
            if (chosen is null) return code;
            runId = chosen;
        }
        catch (HttpRequestException e)
        {
            Console.Error.WriteLine($"error: lost the engine while looking up run {started.RunId}: {e.Message}");
            return ExitCodes.Failed;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.Timeout));
        var poll = TimeSpan.FromMilliseconds(250);
        var interactive = !settings.Plain && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        LiveProgress? live = interactive ? new LiveProgress(AnsiConsole.Console) : null;
        var watcher = new RunWatcher(client, live is null ? new PlainProgress(Console.Out) : live, settings.Approve, poll);
        RunDocument? final;
        try
        {
            final = live is null
                ? await watcher.WatchAsync(runId, timeout.Token)
                : await live.RunAsync(() => watcher.WatchAsync(runId, timeout.Token));
        }
        catch (HttpRequestException e) when (signals.Received is null)
        {
            // The server went away: the run itself is durable and goes on.
            Console.Error.WriteLine($"error: lost the engine while following run {runId}: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception) when (signals.Received is not null)
        {
            final = null;
        }

        if (signals.Received is not null) return Interrupted(signals, runId, watcher.Last, engine, settings.Server);

        if (final is null)
        {
            Console.Error.WriteLine($"error: run {runId} did not end within {settings.Timeout} s; it goes on on the engine");
            return ExitCodes.Failed;
        }

        Console.Out.WriteLine(RunExit.Describe(final));
        return RunExit.Code(final);
    }

    /// <summary>The one line a signalled <c>foremast run</c> prints: where the run stands and how it goes on.</summary>
    private static int Interrupted(StopSignals signals, string? runId, RunDocument? last, InProcessEngine? engine, string? server = null)
    {
        var signal = signals.Received?.ToString() ?? "signal";
        var line = runId is null
            ? $"stopped by {signal} while starting; no run is being followed"
            : server is not null
                ? $"stopped following run {runId} ({signal}): {RunStanding.Describe(last)}; it goes on at {server}, and the same foremast run command follows it again"
                : $"stopped following run {runId} ({signal}): {RunStanding.Describe(last)}; it resumes when an engine on task hub {engine?.TaskHub} runs " +
                  $"(foremast serve --hub {engine?.TaskHub}, or the same foremast run command, which also follows it again)";
        // Standard output, like the final "run … succeeded" line it stands in for.
        Console.Out.WriteLine(line);
        return ExitCodes.Interrupted;
    }

    private static string? Check(Settings s)
    {
        if (!Directory.Exists(s.RunwayDirectory)) return $"no runway directory {s.RunwayDirectory}";
        if (s.ConfigFile is { } config && !File.Exists(config)) return $"no config file {config}";
        if (s.Server is not null && s.ConfigFile is not null) return "--config applies to the in-process engine only; a --server uses its own Foremast:ConfigFile";
        if (s.Server is not null && !Uri.TryCreate(s.Server, UriKind.Absolute, out _)) return $"--server: not an absolute URL: {s.Server}";
        if (s.Timeout <= 0) return "--timeout must be positive";
        return null;
    }

    private static async Task<InProcessEngine?> StartEngineAsync(Settings s, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?>();
        if (s.Hub is { } hub) settings[$"{LocalEngineOptions.Section}:{nameof(LocalEngineOptions.TaskHub)}"] = hub;
        if (s.Config.Path is { } config) settings["Foremast:ConfigFile"] = string.Join(Path.PathSeparator, config.Split(Path.PathSeparator).Select(Path.GetFullPath));
        try
        {
            return await InProcessEngine.StartAsync(settings, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Console.Error.WriteLine($"error: the local engine could not start: {e.Message}");
            return null;
        }
    }
}
