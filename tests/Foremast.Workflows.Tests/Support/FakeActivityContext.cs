using Microsoft.DurableTask;

namespace Foremast.Workflows.Tests.Support;

/// <summary>For calling an activity's RunAsync directly, without a host.</summary>
public sealed class FakeActivityContext(string name) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = "unit";
}
