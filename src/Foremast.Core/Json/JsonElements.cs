using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foremast.Core.Json;

public static class JsonElements
{
    /// <summary>
    /// Turns a node into a detached element. Writing UTF-8 and parsing it once is several times cheaper than
    /// <c>JsonSerializer.Deserialize&lt;JsonElement&gt;(node)</c>, which matters because every load does it per env.
    /// </summary>
    public static JsonElement From(JsonNode node) => Write(w => node.WriteTo(w));

    /// <summary>Parses what <paramref name="write"/> writes into a detached element.</summary>
    public static JsonElement Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(8192);
        using (var writer = new Utf8JsonWriter(buffer)) write(writer);
        return JsonElement.Parse(buffer.WrittenSpan);
    }
}
