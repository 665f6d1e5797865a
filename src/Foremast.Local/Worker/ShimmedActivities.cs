using DurableTask.Core;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;

namespace Foremast.Local.Worker;

/// <summary>Runs the workflow layer's <c>TaskActivity</c> classes under DurableTask.Core, built with constructor DI from the engine's services.</summary>
internal sealed class ShimmedActivities(IDurableTaskFactory tasks, DurableTaskShimFactory shims, IServiceProvider services) : INameVersionObjectManager<TaskActivity>
{
    public void Add(ObjectCreator<TaskActivity> creator) =>
        throw new NotSupportedException("activities are registered in the DurableTaskRegistry (AddForemastTasks)");

    public TaskActivity? GetObject(string name, string? version) =>
        tasks.TryCreateActivity(name, services, out var activity) ? shims.CreateActivity(name, activity) : null;
}
