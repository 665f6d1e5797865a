using System.Text.Json.Nodes;

namespace Foremast.Spinnaker.Tests.Gate;

/// <summary>Small Gate request bodies for tests.</summary>
public static class GateTestData
{
    public static JsonObject Pipeline(string app, string name, string stageName = "Bake") => new()
    {
        ["application"] = app,
        ["name"] = name,
        ["stages"] = new JsonArray(new JsonObject { ["refId"] = "1", ["requisiteStageRefIds"] = new JsonArray(), ["type"] = "bake", ["name"] = stageName }),
        ["triggers"] = new JsonArray(),
    };

    public static JsonObject CreateApplication(string name) => new()
    {
        ["application"] = name,
        ["description"] = $"Created application {name}",
        ["job"] = new JsonArray(new JsonObject
        {
            ["type"] = "createApplication",
            ["application"] = new JsonObject { ["name"] = name, ["email"] = "team@example.com", ["cloudProviders"] = "aws" },
            ["user"] = "foremast",
        }),
    };
}
