using Foremast.Spinnaker.Gate;

namespace Foremast.Spinnaker.Tests.Gate;

/// <summary>Client options with millisecond delays, so retry and polling tests stay well under a second.</summary>
public static class GateTestOptions
{
    public static GateOptions Fast(Uri baseUrl) => new(baseUrl)
    {
        Timeout = TimeSpan.FromSeconds(5),
        TaskPollInterval = TimeSpan.FromMilliseconds(5),
        TaskTimeout = TimeSpan.FromSeconds(5),
        MaxRetries = 3,
        RetryBaseDelay = TimeSpan.FromMilliseconds(2),
        RetryMaxDelay = TimeSpan.FromMilliseconds(20),
    };

    public static GateClient Client(FakeGate gate, Func<GateOptions, GateOptions>? adjust = null)
    {
        var options = Fast(gate.BaseUrl);
        return GateClientFactory.Create(adjust is null ? options : adjust(options));
    }
}
