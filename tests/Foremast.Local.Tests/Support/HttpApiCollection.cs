namespace Foremast.Local.Tests.Support;

/// <summary>The HTTP API and <c>foremast run</c> tests run one after another: each starts engines, and the machine has two cores.</summary>
[CollectionDefinition(Name)]
public sealed class HttpApiCollection
{
    public const string Name = "HTTP API on the local engine";
}
