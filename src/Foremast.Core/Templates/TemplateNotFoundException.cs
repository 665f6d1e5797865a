namespace Foremast.Core.Templates;

public sealed class TemplateNotFoundException(string name, IReadOnlyList<string> searched)
    : Exception($"template \"{name}\" not found; searched {string.Join(" and ", searched)}")
{
    public string Name { get; } = name;

    public IReadOnlyList<string> Searched { get; } = searched;
}
