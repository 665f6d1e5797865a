using Foremast.Api.Hooks;
using Microsoft.Extensions.Options;

namespace Foremast.Api;

/// <summary>Refuses API options whose repo map could not be matched safely (see <see cref="WebhookSettings.Errors"/>).</summary>
public sealed class WebhookOptionsValidator : IValidateOptions<ForemastApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ForemastApiOptions options) =>
        WebhookSettings.Errors(options.Webhooks) is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
}
