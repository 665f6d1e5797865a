using System.ComponentModel;
using Foremast.Cli.Output;
using Foremast.Cli.Publish;
using Foremast.Core.Config;
using Foremast.Spinnaker.Application;
using Foremast.Spinnaker.Gate;
using Spectre.Console.Cli;

namespace Foremast.Cli.Commands;

/// <summary>Publishes generated pipelines to Spinnaker: upserts the application, saves pipelines, removes stale managed ones.</summary>
public sealed class PublishCommand : AsyncCommand<PublishCommand.Settings>
{
    public sealed class Settings : RunwaySettings
    {
        [CommandOption("--pipelines <DIR>")]
        [Description("Directory of generated pipeline.*.json documents (the output of foremast generate).")]
        public string? PipelinesDirectory { get; init; }

        [CommandOption("--gate <URL>")]
        [Description("Gate base URL; defaults to base.gate_api_url.")]
        public string? GateUrl { get; init; }

        [CommandOption("--token <TOKEN>")]
        [Description("Bearer token; defaults to $GATE_TOKEN, then credentials.gate_authentication.github.token.")]
        public string? Token { get; init; }

        [CommandOption("--client-cert <PEM>")]
        [Description("PEM file with client certificate and key; defaults to base.gate_client_cert.")]
        public string? ClientCertificate { get; init; }

        [CommandOption("--ca-bundle <PEM>")]
        [Description("CA certificates to trust for Gate instead of the system store; defaults to base.gate_ca_bundle.")]
        public string? CaBundle { get; init; }

        [CommandOption("--insecure")]
        [Description("Do not verify Gate's TLS certificate (verification is on by default).")]
        public bool Insecure { get; init; }

        [CommandOption("--email <EMAIL>")]
        [Description("Application owner email; defaults to $EMAIL, then pipeline.json owner_email.")]
        public string? Email { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var loaded = RunwayLoader.Load(settings.ToLoadRequest(requireNames: true));
        var code = DiagnosticWriter.Report(loaded, Console.Error);
        if (code != ExitCodes.Ok) return code;
        var snapshot = loaded.Snapshot!;

        PublishResult result;
        try
        {
            var pipelines = GeneratedPipelines.Read(settings.PipelinesDirectory ?? throw new InvalidInputException("--pipelines DIR is required"));
            var applicationTask = ApplicationDefinition.Render(snapshot, Email(settings, snapshot));
            using var gate = GateClientFactory.Create(Options(settings, snapshot));
            result = await new SpinnakerPublisher(gate).PublishAsync(snapshot.App, applicationTask, pipelines, cancellationToken);
        }
        catch (InvalidInputException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Invalid;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Invalid;
        }
        catch (GateException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failed;
        }

        foreach (var change in result.Changes) Console.Out.WriteLine($"{change.Action.ToString().ToLowerInvariant(),-9} {change.Name}");
        return ExitCodes.Ok;
    }

    private static GateOptions Options(Settings settings, ConfigSnapshot snapshot)
    {
        var url = settings.GateUrl ?? snapshot.Settings.GateApiUrl;
        if (string.IsNullOrWhiteSpace(url)) throw new InvalidInputException("no Gate URL: pass --gate or set base.gate_api_url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            throw new InvalidInputException($"Gate URL \"{url}\" is not an http(s) URL");
        }

        // Foremast's empty gate_ca_bundle meant "do not verify"; here empty means the system trust store.
        return new GateOptions(
            baseUrl,
            BearerToken: NonEmpty(settings.Token) ?? NonEmpty(Environment.GetEnvironmentVariable("GATE_TOKEN")) ?? GateCredentials.TokenFromConfig(settings.Config.Path),
            ClientCertificatePath: ExistingFile(NonEmpty(settings.ClientCertificate) ?? NonEmpty(snapshot.Settings.GateClientCert), "client certificate"),
            CaBundlePath: ExistingFile(NonEmpty(settings.CaBundle) ?? NonEmpty(snapshot.Settings.GateCaBundle), "CA bundle"),
            InsecureSkipTlsVerify: settings.Insecure)
        {
            TaskTimeout = TimeSpan.FromSeconds(snapshot.Settings.TaskTimeoutDefaultSeconds),
        };
    }

    private static string Email(Settings settings, ConfigSnapshot snapshot)
    {
        var ownerEmail = snapshot.Pipeline.TryGetProperty("owner_email", out var owner) && owner.ValueKind == System.Text.Json.JsonValueKind.String ? owner.GetString() : null;
        return NonEmpty(settings.Email) ?? NonEmpty(Environment.GetEnvironmentVariable("EMAIL")) ?? NonEmpty(ownerEmail)
            ?? throw new InvalidInputException("no application email: pass --email, set $EMAIL, or set owner_email in pipeline.json");
    }

    private static string? ExistingFile(string? path, string what) =>
        path is null || File.Exists(path) ? path : throw new InvalidInputException($"Gate {what} not found: {path}");

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
