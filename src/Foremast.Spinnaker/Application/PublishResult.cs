namespace Foremast.Spinnaker.Application;

public enum PipelineAction
{
    Created,
    Updated,
    Unchanged,
    Deleted,
}

/// <param name="Id">The Spinnaker id when known (Gate does not return the id of a newly created pipeline).</param>
public sealed record PipelineChange(string Name, PipelineAction Action, string? Id);

/// <summary>What one publish did to the application's pipelines, in order: saves, then deletions.</summary>
public sealed record PublishResult(string Application, IReadOnlyList<PipelineChange> Changes)
{
    public IEnumerable<PipelineChange> With(PipelineAction action) => Changes.Where(c => c.Action == action);
}
