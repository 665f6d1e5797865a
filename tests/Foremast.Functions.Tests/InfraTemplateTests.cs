using System.Text.Json;
using System.Text.RegularExpressions;
using Foremast.Tests.Shared;

namespace Foremast.Functions.Tests;

/// <summary>The deployment template must set every app setting the app reads, as listed in local.settings.sample.json.</summary>
public sealed partial class InfraTemplateTests
{
    [Fact]
    public void Bicep_app_settings_cover_every_setting_of_the_local_sample_except_per_installation_repo_maps()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.Root, "local.settings.sample.json")));
        var expected = sample.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name)
            .Where(n => !n.StartsWith("Foremast__Webhooks__Repos__", StringComparison.Ordinal))
            .ToHashSet();

        var bicep = File.ReadAllText(Path.Combine(Fixtures.Root, "infra", "main.bicep"));
        var declared = SettingName().Matches(bicep).Select(m => m.Groups[1].Value).ToHashSet();

        Assert.Empty(expected.Except(declared));
    }

    [GeneratedRegex(@"\{ name: '([A-Za-z0-9_]+)', value:")]
    private static partial Regex SettingName();
}
