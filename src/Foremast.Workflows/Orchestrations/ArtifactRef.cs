namespace Foremast.Workflows.Orchestrations;

/// <summary>The build being deployed: Foremast's <c>ARTIFACT_VERSION</c> and <c>ARTIFACT_URL</c>.</summary>
public sealed record ArtifactRef(string Version, string Url);
