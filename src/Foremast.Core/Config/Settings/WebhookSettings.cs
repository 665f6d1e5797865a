using System.Text.Json;

namespace Foremast.Core.Config.Settings;

/// <summary>One <c>completion_webhooks</c> entry of an env (a Spinnaker webhook stage in Foremast, non-prod envs only).</summary>
/// <param name="Url">The URL called; the validator requires http(s).</param>
/// <param name="Method">Any case in the file (Foremast upper-cases it); POST when absent.</param>
/// <param name="Payload">The JSON body sent as is; none when absent.</param>
/// <param name="CustomHeaders">Request headers, name → value.</param>
public sealed record WebhookSettings(
    string Url,
    string? Name = null,
    string? Method = null,
    JsonElement? Payload = null,
    IReadOnlyDictionary<string, string>? CustomHeaders = null)
{
    public string EffectiveMethod => string.IsNullOrWhiteSpace(Method) ? "POST" : Method.Trim().ToUpperInvariant();
}
