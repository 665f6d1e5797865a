namespace Foremast.Tests.Shared;

/// <summary>Locates the repository's own copies of the conformance samples (tests never read ../shared).</summary>
public static class Fixtures
{
    public static string Root { get; } = FindRoot();

    public static string Foremast => Path.Combine(Root, "tests", "fixtures", "foremast");

    public static string Examples => Path.Combine(Root, "examples");

    public static IEnumerable<string> ScenarioNames =>
        Directory.EnumerateDirectories(Foremast).Select(Path.GetFileName).Where(n => File.Exists(Path.Combine(Foremast, n!, "lookups.json"))).Order()!;

    public static string Scenario(string name) => Path.Combine(Foremast, name);

    public static string ScenarioRunway(string name) => Path.Combine(Foremast, name, "input", "runway");

    public static string ScenarioConfig(string name) => Path.Combine(Foremast, name, "input", "foremast-config.json");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Foremast.Functions.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root (Foremast.Functions.sln) not found");
    }
}
