using Foremast.Local.Azurite;

namespace Foremast.Local.Tests.Support;

/// <summary>
/// These tests need the real Azurite that scripts/services.sh starts. Without it they fail and say so: a skipped
/// integration suite would pass CI without having tested anything.
/// </summary>
public static class AzuriteRequirement
{
    public static async Task EnsureRunningAsync()
    {
        if (await AzuritePorts.AllOpenAsync()) return;
        Assert.Fail("Azurite is not reachable on 127.0.0.1:10000-10002. Run the tests through `bash scripts/test.sh`, " +
                    "or start it first: `source scripts/services.sh && services_start`.");
    }
}
