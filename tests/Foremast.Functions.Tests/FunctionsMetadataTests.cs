using System.Text.Json;
using Foremast.Workflows.Extensions;
using Foremast.Api;
using Foremast.Functions.Http;
using Foremast.Functions.Settings;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Constraints;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.DurableTask;

namespace Foremast.Functions.Tests;

public sealed class FunctionsMetadataTests
{
    private static readonly Type[] WorkflowTypes = typeof(WorkflowServiceCollectionExtensions).Assembly.GetTypes();

    private static readonly string[] OrchestratorNames = WorkflowTypes.Where(t => IsTask(t, typeof(TaskOrchestrator<,>))).Select(t => t.Name).ToArray();

    private static readonly string[] ActivityNames = WorkflowTypes.Where(t => IsTask(t, typeof(TaskActivity<,>))).Select(t => t.Name).ToArray();

    public static TheoryData<string> Orchestrators => new(OrchestratorNames);

    public static TheoryData<string> Activities => new(ActivityNames);

    public static TheoryData<string> Routes => new(ApiRoutes.All.Select(r => r.Name));

    [Theory]
    [MemberData(nameof(Orchestrators))]
    public void Every_orchestrator_class_has_an_orchestration_trigger_function_named_after_it(string orchestrator)
    {
        var function = FunctionsMetadata.Function(orchestrator);

        var binding = Assert.Single(function.Bindings);
        Assert.Equal(("orchestrationTrigger", "In"), (binding.Type, binding.Direction));
        Assert.Equal("Foremast.Functions.dll", function.ScriptFile);
    }

    [Theory]
    [MemberData(nameof(Activities))]
    public void Every_activity_class_has_an_activity_trigger_function_named_after_it(string activity)
    {
        var function = FunctionsMetadata.Function(activity);

        var binding = Assert.Single(function.Bindings);
        Assert.Equal(("activityTrigger", "In"), (binding.Type, binding.Direction));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public void Every_api_route_has_an_http_function_with_its_route_method_and_a_durable_client(string routeName)
    {
        var route = ApiRoutes.All.Single(r => r.Name == routeName);
        var function = FunctionsMetadata.Function(route.Name);

        var trigger = function.Trigger;
        // The host's route prefix is empty (the dashboard answers at /), so each API route spells out its api/ prefix.
        Assert.Equal(("httpTrigger", "In", "api/" + route.Template), (trigger.Type, trigger.Direction, trigger.Route));
        Assert.Equal([route.Method.ToLowerInvariant()], trigger.Methods);
        Assert.Single(function.Bindings, b => b.Type == "durableClient" && b.Direction == "In");
        Assert.Single(function.Bindings, b => b.Type == "http" && b.Direction == "Out");
    }

    [Fact]
    public void Hooks_and_approval_links_are_anonymous_and_the_run_api_needs_a_function_key()
    {
        // Hooks authenticate by signature and approval links by their signed token; a key in those URLs would be a leaked credential.
        string[] anonymous = [nameof(ApiRoutes.GitHook), nameof(ApiRoutes.ApprovalPage), nameof(ApiRoutes.ApprovalDecision)];

        Assert.All(ApiRoutes.All, r => Assert.Equal(anonymous.Contains(r.Name) ? "Anonymous" : "Function", FunctionsMetadata.Function(r.Name).Trigger.AuthLevel));
    }

    [Fact]
    public void Health_is_one_anonymous_get_function_at_api_health_with_a_durable_client()
    {
        var function = FunctionsMetadata.Function(ApiRoutes.Health.Name);

        var trigger = function.Trigger;
        // Anonymous: a probe has no function key. HealthCheck masks what the body could leak instead.
        Assert.Equal(("httpTrigger", "In", "api/health", "Anonymous"), (trigger.Type, trigger.Direction, trigger.Route, trigger.AuthLevel));
        Assert.Equal(["get"], trigger.Methods);
        Assert.Single(function.Bindings, b => b.Type == "durableClient" && b.Direction == "In");
        Assert.Single(function.Bindings, b => b.Type == "http" && b.Direction == "Out");
        Assert.Equal("Foremast.Functions.dll", function.ScriptFile);
    }

    [Fact]
    public void Dashboard_is_one_anonymous_get_function_whose_route_cannot_match_an_api_address()
    {
        var function = FunctionsMetadata.Function(DashboardFunctions.Name);

        var trigger = function.Trigger;
        Assert.Equal(("httpTrigger", "In", DashboardFunctions.Route, "Anonymous"), (trigger.Type, trigger.Direction, trigger.Route, trigger.AuthLevel));
        Assert.Equal(["get"], trigger.Methods);
        Assert.DoesNotContain(function.Bindings, b => b.Type == "durableClient");

        // The host tries routes in registration order: the dashboard's must leave every api/ address to the API functions.
        var template = TemplateParser.Parse(trigger.Route!);
        var matcher = new TemplateMatcher(template, new RouteValueDictionary());
        var constraints = template.Parameters.Where(p => p.InlineConstraints.Any()).ToDictionary(
            p => p.Name!, p => (IRouteConstraint)new OptionalRouteConstraint(new RegexInlineRouteConstraint(p.InlineConstraints.Single().Constraint[6..^1])));
        bool Matches(string path)
        {
            var values = new RouteValueDictionary();
            return matcher.TryMatch(path, values) && constraints.All(c => c.Value.Match(null, null, c.Key, values, RouteDirection.IncomingRequest));
        }

        Assert.True(Matches("/"), "/");
        Assert.True(Matches("/dashboard/app.js"), "/dashboard/app.js");
        Assert.All(ApiRoutes.All.Select(r => "/api/" + r.Template.Replace("{id}", "run-1").Replace("{token}", "t")).Append("/api/health"), path => Assert.False(Matches(path), path));
    }

    [Fact]
    public void Metadata_declares_exactly_the_orchestrators_activities_routes_health_and_the_dashboard()
    {
        var expected = OrchestratorNames.Concat(ActivityNames).Concat(ApiRoutes.All.Select(r => r.Name)).Append(ApiRoutes.Health.Name).Append(DashboardFunctions.Name).Order(StringComparer.Ordinal);

        Assert.Equal(expected, FunctionsMetadata.Functions.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Output_carries_the_root_host_json_with_the_task_hub_and_azure_storage_provider()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(FunctionsMetadata.OutputDirectory, "host.json")));
        var durable = host.RootElement.GetProperty("extensions").GetProperty("durableTask");

        Assert.Equal("2.0", host.RootElement.GetProperty("version").GetString());
        Assert.Equal("ForemastHub", durable.GetProperty("hubName").GetString());
        // The health report names the hub; the worker cannot read host.json, so it keeps the same name.
        Assert.Equal(HostTaskHub.Default, durable.GetProperty("hubName").GetString());
        Assert.Equal("AzureStorage", durable.GetProperty("storageProvider").GetProperty("type").GetString());
        // Empty, so the dashboard can answer at /; the API functions carry api/ in their own routes.
        Assert.Equal("", host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.True(File.Exists(Path.Combine(FunctionsMetadata.OutputDirectory, "worker.config.json")));
    }

    private static bool IsTask(Type type, Type generic)
    {
        if (type.IsAbstract) return false;
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == generic) return true;
        }

        return false;
    }
}
