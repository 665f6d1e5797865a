using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foremast.Api;

/// <summary>One JSON shape for every response: camelCase, nulls left out, enums as their names.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };
}
