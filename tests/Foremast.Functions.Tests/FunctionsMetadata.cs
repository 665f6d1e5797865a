using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foremast.Functions.Tests;

public sealed record FunctionBinding(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("direction")] string Direction,
    [property: JsonPropertyName("route")] string? Route = null,
    [property: JsonPropertyName("methods")] IReadOnlyList<string>? Methods = null,
    [property: JsonPropertyName("authLevel")] string? AuthLevel = null);

public sealed record FunctionDeclaration(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("entryPoint")] string EntryPoint,
    [property: JsonPropertyName("scriptFile")] string ScriptFile,
    [property: JsonPropertyName("bindings")] IReadOnlyList<FunctionBinding> Bindings)
{
    public FunctionBinding Trigger => Bindings.Single(b => b.Type.EndsWith("Trigger", StringComparison.Ordinal));
}

/// <summary>
/// The <c>functions.metadata</c> the Worker SDK writes into the app's output when it builds (the project reference
/// builds it first, in the same configuration as these tests). It is what the Functions host indexes at startup.
/// </summary>
public static class FunctionsMetadata
{
    public static string OutputDirectory { get; } = Locate();

    public static IReadOnlyList<FunctionDeclaration> Functions { get; } =
        JsonSerializer.Deserialize<List<FunctionDeclaration>>(File.ReadAllText(Path.Combine(OutputDirectory, "functions.metadata")))!;

    public static FunctionDeclaration Function(string name) => Functions.Single(f => f.Name == name);

    private static string Locate()
    {
        // …/tests/Foremast.Functions.Tests/bin/{Configuration}/{tfm}/ → …/src/Foremast.Functions/bin/{Configuration}/{tfm}/
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = here.Name;
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Foremast.Functions.sln"))) root = root.Parent;
        var output = Path.Combine(root?.FullName ?? throw new InvalidOperationException("repository root not found"), "src", "Foremast.Functions", "bin", configuration, tfm);
        return File.Exists(Path.Combine(output, "functions.metadata")) ? output : throw new FileNotFoundException($"functions.metadata not found in {output}; build src/Foremast.Functions");
    }
}
