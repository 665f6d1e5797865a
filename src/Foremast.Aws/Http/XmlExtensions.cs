using System.Xml.Linq;

namespace Foremast.Aws.Http;

/// <summary>Namespace-blind navigation of AWS XML answers (each API has its own namespace; moto sometimes omits it).</summary>
public static class XmlExtensions
{
    public static XElement? Child(this XElement element, string name) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    public static string? Value(this XElement element, string name) => element.Child(name)?.Value;

    /// <summary>The items of a list element: <c>&lt;Name&gt;&lt;member&gt;…&lt;/member&gt;&lt;/Name&gt;</c> (or <c>item</c>, or any child).</summary>
    public static IEnumerable<XElement> Members(this XElement element, string listName) =>
        element.Child(listName)?.Elements() ?? [];

    /// <summary>The first descendant of that name, wherever it is nested.</summary>
    public static XElement? Find(this XElement element, string name) =>
        element.Descendants().FirstOrDefault(e => e.Name.LocalName == name);
}
