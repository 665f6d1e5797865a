using Azure.Identity;
using Foremast.Functions.Extensions;
using Foremast.Functions.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Foremast.Functions.Tests;

/// <summary>
/// How the app's settings reach the telemetry wiring. The export itself (a real listener as the ingestion endpoint) is
/// tested once, in tests/Foremast.Workflows.Tests/Telemetry/TelemetryExportTests.cs; these never build the exporter,
/// whose managed-identity sign-in would ask the Azure metadata endpoint.
/// </summary>
public sealed class TelemetryWiringTests
{
    private static IConfiguration Settings(Dictionary<string, string?> settings) => new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    [Fact]
    public void Nothing_is_exported_without_a_connection_string_even_with_an_authentication_string()
    {
        var settings = Settings(new() { [AzureMonitorAuthentication.Setting] = "ClientId=11111111-2222-3333-4444-555555555555;Authorization=AAD" });

        Assert.False(new ServiceCollection().AddForemastFunctionsTelemetry(settings));
    }

    [Fact]
    public void Connection_string_switches_export_on()
    {
        var settings = Settings(new() { ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/" });

        Assert.True(new ServiceCollection().AddForemastFunctionsTelemetry(settings));
    }

    [Theory]
    [InlineData("ClientId=11111111-2222-3333-4444-555555555555;Authorization=AAD")]
    [InlineData(" Authorization = aad ")]
    public void Aad_authentication_string_signs_in_with_the_managed_identity(string value)
    {
        var credential = AzureMonitorAuthentication.Credential(Settings(new() { [AzureMonitorAuthentication.Setting] = value }));

        Assert.IsType<ManagedIdentityCredential>(credential);
    }

    [Fact]
    public void No_authentication_string_sends_with_the_connection_strings_key_alone() =>
        Assert.Null(AzureMonitorAuthentication.Credential(Settings(new())));

    [Theory]
    [InlineData("Authorization=Key")]
    [InlineData("ClientId=11111111-2222-3333-4444-555555555555")]
    public void Authentication_string_other_than_aad_stops_start_up_naming_the_setting(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => AzureMonitorAuthentication.Credential(Settings(new() { [AzureMonitorAuthentication.Setting] = value })));

        Assert.StartsWith("APPLICATIONINSIGHTS_AUTHENTICATION_STRING: expected \"Authorization=AAD\"", error.Message, StringComparison.Ordinal);
    }
}
