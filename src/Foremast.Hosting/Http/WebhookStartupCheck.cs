using Foremast.Api;
using Foremast.Api.Hooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Foremast.Hosting.Http;

/// <summary>
/// Checks the hook settings when the host starts: a broken repo map stops it with the setting named, and an open
/// switch (<c>AllowUnsigned</c>) or a repository nobody can sign for is logged as a warning once. It binds the section
/// itself instead of reading the API options, which a host may still complete after start (the local engine's URL).
/// </summary>
public sealed class WebhookStartupCheck(IConfiguration configuration, ILogger<WebhookStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = new WebhookOptions();
        configuration.GetSection(WebhookSettings.Section).Bind(options);
        if (WebhookSettings.Errors(options) is { Count: > 0 } errors) throw new OptionsValidationException(WebhookSettings.Section, typeof(WebhookOptions), errors);
        foreach (var warning in WebhookSettings.Warnings(options)) logger.LogWarning("{Warning}", warning);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
