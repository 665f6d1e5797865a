using System.Reflection;
using Foremast.Functions.Activities;
using Foremast.Functions.Extensions;
using Foremast.Workflows.Activities;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Foremast.Functions.Tests;

public sealed class TaskFunctionsTests
{
    private static readonly Type[] Tasks = typeof(StageRequest).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && (IsSubclassOfGeneric(t, typeof(TaskActivity<,>)) || IsSubclassOfGeneric(t, typeof(TaskOrchestrator<,>))))
        .ToArray();

    [Fact]
    public void Every_workflow_activity_and_orchestrator_has_a_function_of_its_name()
    {
        var functions = typeof(ActivityFunctions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()?.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(Tasks);
        var missing = Tasks.Select(t => t.Name).Where(name => !functions.Contains(name)).ToList();
        Assert.True(missing.Count == 0, $"no [Function] for: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_workflow_activity_resolves_from_the_app_services()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build());
        services.AddForemastFunctions();
        using var provider = services.BuildServiceProvider();

        Assert.All(Tasks.Where(t => IsSubclassOfGeneric(t, typeof(TaskActivity<,>))), t => Assert.NotNull(ActivatorUtilities.GetServiceOrCreateInstance(provider, t)));
    }

    private static bool IsSubclassOfGeneric(Type type, Type generic)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == generic) return true;
        }

        return false;
    }
}
