using Foremast.Workflows.Activities.Interfaces;

namespace Foremast.Aws.Converge;

/// <summary>
/// The differences found for one resource, turned into its <see cref="ResourceChange"/> line: <c>unchanged</c> when there are
/// none, otherwise <c>created</c>/<c>updated</c> (or <c>would create</c>/<c>would update</c> in a dry run) with the
/// differences as the detail.
/// </summary>
public sealed class ChangePlan(string kind, string name)
{
    private readonly List<PlannedChange> _changes = [];

    public string Kind { get; } = kind;

    public string Name { get; } = name;

    public IReadOnlyList<PlannedChange> Changes => _changes;

    public bool IsEmpty => _changes.Count == 0;

    public void Add(string description, Func<CancellationToken, Task> apply) => _changes.Add(new PlannedChange(description, apply));

    /// <summary>Applies every change in order unless <paramref name="dryRun"/>, then describes the outcome.</summary>
    /// <param name="created">The resource did not exist: the verb is <c>created</c> rather than <c>updated</c>.</param>
    public async Task<ResourceChange> ApplyAsync(bool dryRun, bool created, CancellationToken cancellationToken)
    {
        if (_changes.Count == 0) return new ResourceChange(Verbs.Unchanged, Kind, Name);
        if (!dryRun)
        {
            foreach (var change in _changes) await change.Apply(cancellationToken).ConfigureAwait(false);
        }

        var verb = (created, dryRun) switch
        {
            (true, true) => Verbs.WouldCreate,
            (true, false) => Verbs.Created,
            (false, true) => Verbs.WouldUpdate,
            (false, false) => Verbs.Updated,
        };
        return new ResourceChange(verb, Kind, Name, string.Join("; ", _changes.Select(c => c.Description)));
    }
}
