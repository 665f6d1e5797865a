using System.ComponentModel;
using Foremast.Core.Validation.Schema;
using Spectre.Console.Cli;

namespace Foremast.Cli.Commands;

/// <summary>Writes the JSON Schemas generated from the key spec, so editors can check runway files as they are typed.</summary>
public sealed class SchemaCommand : Command<SchemaCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--out <DIR>")]
        [Description("Directory to write pipeline.schema.json and application-master.schema.json into (default: schemas).")]
        public string Out { get; init; } = "schemas";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(settings.Out);
        foreach (var (name, text) in SchemaGenerator.Files())
        {
            var path = Path.Combine(settings.Out, name);
            File.WriteAllText(path, text);
            Console.Out.WriteLine(path);
        }

        return ExitCodes.Ok;
    }
}
