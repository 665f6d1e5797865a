using System.ComponentModel;
using System.Text.Encodings.Web;
using System.Text.Json;
using Foremast.Cli.Errors;
using Foremast.Cli.Output;
using Foremast.Core.Config;
using Foremast.Core.Templates;
using Foremast.Spinnaker.Generator;
using Foremast.Spinnaker.Lookups;
using Spectre.Console.Cli;

namespace Foremast.Cli.Commands;

/// <summary><c>foremast generate</c>: writes the Spinnaker pipelines Foremast's prepare-app-pipeline would post.</summary>
public sealed class GenerateCommand(IAccountLookups account) : AsyncCommand<GenerateCommand.Settings>
{
    /// <summary>The <c>--lookups</c> value that reads the account instead of a file.</summary>
    public const string AwsLookups = "aws";

    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public sealed class Settings : RunwaySettings
    {
        [CommandOption("--lookups <FILE>")]
        [Description("Environment facts as JSON: amis, availability_zones (an env/region missing here has no subnets), accounts, pipelines; or \"aws\" to read them from the account (AMIs, ec2 subnet zones, account ids).")]
        public string? LookupsFile { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Directory to write pipeline.<region>.json files to.")]
        public string? OutputDirectory { get; init; }

        [CommandOption("--onetime <ENV>")]
        [Description("Write the onetime pipelines of this env (pipeline.<region>.onetime-<env>.json).")]
        public string? OnetimeEnv { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // Checked here rather than in Validate(): the app propagates exceptions, and a missing option is a usage error (2), not a crash.
        var missing = new[] { (settings.LookupsFile, "--lookups FILE"), (settings.OutputDirectory, "--out DIR") }.Where(o => string.IsNullOrEmpty(o.Item1)).Select(o => o.Item2).ToList();
        if (missing.Count > 0)
        {
            foreach (var option in missing) Console.Error.WriteLine($"{option} is required");
            return ExitCodes.Invalid;
        }

        var result = RunwayLoader.Load(settings.ToLoadRequest(requireNames: true));
        var code = DiagnosticWriter.Report(result, Console.Error);
        if (code != ExitCodes.Ok) return code;
        var snapshot = result.Snapshot!;
        if (settings.OnetimeEnv is { } onetime && !snapshot.Environments.ContainsKey(onetime))
        {
            Console.Error.WriteLine($"--onetime {onetime}: no application-master-{onetime}.json in {settings.RunwayDirectory}");
            return ExitCodes.Invalid;
        }

        IEnvironmentLookups lookups;
        try
        {
            lookups = settings.LookupsFile == AwsLookups ? await account.ReadAsync(snapshot, cancellationToken) : LookupsFile.Read(settings.LookupsFile!);
        }
        catch (AccountLookupsException e)
        {
            Console.Error.WriteLine($"error: --lookups aws: {e.Message}");
            return ExitCodes.Failed;
        }

        foreach (var warning in NowhereWarnings(snapshot, lookups)) Console.Error.WriteLine(warning);
        IReadOnlyList<GeneratedPipeline> pipelines;
        try
        {
            pipelines = new PipelineGenerator().Generate(snapshot, lookups, settings.OnetimeEnv, settings.RunwayDirectory);
        }
        catch (InvalidPipelineFileException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Invalid;
        }
        catch (Exception e) when (e is TemplateNotFoundException or InvalidOperationException or IOException or JsonException or FormatException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failed;
        }

        Directory.CreateDirectory(settings.OutputDirectory!);
        foreach (var pipeline in pipelines)
        {
            var path = Path.Combine(settings.OutputDirectory!, pipeline.FileName);
            File.WriteAllText(path, pipeline.Document.ToJsonString(Pretty) + "\n");
            Console.Out.WriteLine($"{path}: \"{pipeline.Name}\", {pipeline.StageCount} stages");
        }

        return ExitCodes.Ok;
    }

    /// <summary>An EC2 or Lambda env with no subnets in any of its regions is left out of every pipeline; legal, but rarely meant.</summary>
    private static IEnumerable<string> NowhereWarnings(ConfigSnapshot snapshot, IEnvironmentLookups lookups)
    {
        var type = snapshot.PipelineType;
        if (!snapshot.Settings.IsEc2Type(type) && type != "lambda") yield break;
        foreach (var env in snapshot.PipelineEnvs)
        {
            var regions = snapshot.RegionsOf(env).ToList();
            if (regions.Count == 0 || regions.Any(r => lookups.AvailabilityZones(env, r) is { Count: > 0 })) continue;
            yield return $"{RunwayLoader.EnvFile(env)}: $.regions: warning: env \"{env}\" deploys nowhere: the lookups list no subnets (availability_zones) for it in {string.Join(", ", regions)}";
        }
    }
}
