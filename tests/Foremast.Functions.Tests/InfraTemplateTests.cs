using System.Text.Json;
using System.Text.RegularExpressions;
using Foremast.Tests.Shared;

namespace Foremast.Functions.Tests;

/// <summary>The deployment template must set every app setting the app reads, as listed in local.settings.sample.json.</summary>
public sealed partial class InfraTemplateTests
{
    private static string MainBicep => File.ReadAllText(Path.Combine(Fixtures.Root, "infra", "main.bicep"));

    [Fact]
    public void Bicep_app_settings_cover_every_setting_of_the_local_sample_except_per_installation_repo_maps()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.Root, "local.settings.sample.json")));
        var expected = sample.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name)
            .Where(n => !n.StartsWith("Foremast__Webhooks__Repos__", StringComparison.Ordinal))
            // Flex Consumption: the runtime is functionAppConfig.runtime (the setting is refused there), and the host storage
            // is identity-based (AzureWebJobsStorage__accountName / __credential / __clientId) instead of a connection string.
            .Except(["FUNCTIONS_WORKER_RUNTIME", "AzureWebJobsStorage"])
            .ToHashSet();

        var bicep = MainBicep;
        var declared = SettingName().Matches(bicep).Select(m => m.Groups[1].Value)
            .Concat(SecretSettingName().Matches(bicep).Select(m => m.Groups[1].Value))
            .ToHashSet();

        Assert.Empty(expected.Except(declared));
        Assert.Contains("AzureWebJobsStorage__accountName", declared);
        Assert.Contains("Foremast__Aws__WebIdentity__RoleArn", declared);
        Assert.Contains("Foremast__Aws__WebIdentity__Audience", declared);
    }

    [Fact]
    public void Bicep_keeps_secrets_out_of_plain_app_settings_and_requires_an_approver_identity()
    {
        var bicep = MainBicep;
        var plain = SettingName().Matches(bicep).Select(m => m.Groups[1].Value).ToHashSet();
        var secrets = SecretSettingName().Matches(bicep).Select(m => m.Groups[1].Value).ToList();

        Assert.Contains("Foremast__Approvals__SigningKey", secrets);
        Assert.Contains("Foremast__Notifications__Smtp__Password", secrets);
        Assert.Contains("Foremast__Gate__Token", secrets);
        Assert.Empty(secrets.Intersect(plain));
        Assert.Matches(@"\{ name: 'Foremast__Approvals__RequireIdentity', value: 'true' \}", bicep);
    }

    [GeneratedRegex(@"\{ name: '([A-Za-z0-9_]+)', value:")]
    private static partial Regex SettingName();

    /// <summary>Keys of the secretSettings object: each becomes a Key Vault secret referenced from the app setting of that name.</summary>
    [GeneratedRegex(@"(?m)^\s+((?:Foremast__|MICROSOFT_)[A-Za-z0-9_]+): ")]
    private static partial Regex SecretSettingName();
}
