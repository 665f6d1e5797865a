using DurableTask.Core;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;

namespace Foremast.Local.Worker;

/// <summary>
/// Lets DurableTask.Core's dispatcher run the workflow layer's <c>TaskOrchestrator</c> classes. Names are looked up in
/// the same <c>DurableTaskRegistry</c> the Functions app and the test host use, so no list of names is repeated here.
/// </summary>
internal sealed class ShimmedOrchestrations(IDurableTaskFactory tasks, DurableTaskShimFactory shims, IServiceProvider services) : INameVersionObjectManager<TaskOrchestration>
{
    public void Add(ObjectCreator<TaskOrchestration> creator) =>
        throw new NotSupportedException("orchestrations are registered in the DurableTaskRegistry (AddForemastTasks)");

    /// <returns>Null for an unknown name: the dispatcher then fails that instance instead of the engine.</returns>
    public TaskOrchestration? GetObject(string name, string? version) =>
        tasks.TryCreateOrchestrator(name, services, out var orchestrator) ? shims.CreateOrchestration(name, orchestrator) : null;
}
