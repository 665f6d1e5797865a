namespace Foremast.Spinnaker.Generator;

/// <summary>
/// A manual pipeline file the user must fix (a name that is not a string, two pipelines with one name): an input
/// error, unlike a template that fails to render. Derives from <see cref="InvalidOperationException"/> so callers
/// that treat every generation failure alike keep doing so.
/// </summary>
public sealed class InvalidPipelineFileException(string message) : InvalidOperationException(message);
