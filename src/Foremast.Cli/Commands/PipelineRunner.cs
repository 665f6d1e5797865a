using Spectre.Console.Cli;

namespace Foremast.Cli.Commands;

/// <summary>Foremast's prepare-app-pipeline: generate the pipelines, then create the application and save them through Gate.</summary>
internal static class PipelineRunner
{
    public static async Task<int> RunAsync(CommandContext context, Infra.InfraServices services, PipelineSettings settings, string? onetimeEnv, CancellationToken cancellationToken)
    {
        var runway = settings.ResolveRunwayDirectory();
        if (string.IsNullOrEmpty(settings.LookupsFile)) throw new Errors.UsageException("--lookups FILE is required (the facts Foremast asked Gate for: subnets, AMIs, accounts)");
        var output = settings.OutputDirectory ?? Directory.CreateTempSubdirectory("foremast-pipelines-").FullName;
        try
        {
            var generated = await new GenerateCommand(new Infra.AwsAccountLookups(services)).ExecuteAsync(context, new GenerateCommand.Settings
            {
                RunwayDirectory = runway, ConfigFile = settings.ConfigFile, Project = settings.Project, Repo = settings.Repo,
                LookupsFile = settings.LookupsFile, OutputDirectory = output, OnetimeEnv = onetimeEnv,
            }, cancellationToken);
            if (generated != ExitCodes.Ok) return generated;

            // A onetime-only publish deletes nothing, as Foremast's onetime runs do not clean.
            return await new PublishCommand().ExecuteAsync(context, new PublishCommand.Settings
            {
                RunwayDirectory = runway, ConfigFile = settings.ConfigFile, Project = settings.Project, Repo = settings.Repo,
                PipelinesDirectory = output, GateUrl = settings.GateUrl, Token = settings.Token, Email = settings.Email, Insecure = settings.Insecure,
            }, cancellationToken);
        }
        finally
        {
            if (settings.OutputDirectory is null) Directory.Delete(output, recursive: true);
        }
    }
}
