namespace Foremast.Spinnaker.Tests.Gate;

/// <summary>One request as the fake Gate saw it, recorded before auth and fault handling so retries show up.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    string? ClientCertificateThumbprint)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    public override string ToString() => $"{Method} {Path}{Query}";
}
