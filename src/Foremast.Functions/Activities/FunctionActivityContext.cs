using Microsoft.DurableTask;

namespace Foremast.Functions.Activities;

/// <summary>The activity context our shared activity classes expect, built from what the Functions trigger provides.</summary>
internal sealed class FunctionActivityContext(string name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;
}
