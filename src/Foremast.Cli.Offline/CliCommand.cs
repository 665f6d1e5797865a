using Spectre.Console.Cli;

namespace Foremast.Cli;

/// <summary>
/// One top-level word of the command line: how to add it to the app, and the command classes behind it (two for the
/// <c>pipeline</c> group), which the <see cref="Errors.CommandCatalog"/> reads for usage lines, did-you-mean and completion.
/// </summary>
public sealed record CliCommand(string Name, Action<IConfigurator> Add, IReadOnlyList<Type> Types)
{
    public static CliCommand Of<TCommand>(string name, string description) where TCommand : class, ICommand =>
        new(name, c => c.AddCommand<TCommand>(name).WithDescription(description), [typeof(TCommand)]);
}
