using Microsoft.DurableTask.Testing;

namespace Foremast.Workflows.Tests.Support;

/// <summary>Any started test host, so the run helpers in <see cref="Runs"/> work on each of them.</summary>
public interface ITestHost
{
    DurableTaskTestHost Host { get; }
}
