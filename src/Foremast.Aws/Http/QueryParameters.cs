using System.Globalization;

namespace Foremast.Aws.Http;

/// <summary>
/// The form of a Query-protocol request (ELB, ELBv2, AutoScaling, IAM, CloudWatch): flat keys, lists as
/// <c>Name.member.N</c> and nested structures as dotted keys, exactly as the SDKs marshal them.
/// </summary>
public sealed class QueryParameters : List<KeyValuePair<string, string>>
{
    public QueryParameters Set(string key, string? value)
    {
        if (value is not null) Add(new(key, value));
        return this;
    }

    public QueryParameters Set(string key, int? value) => Set(key, value?.ToString(CultureInfo.InvariantCulture));

    public QueryParameters Set(string key, double? value) => Set(key, value?.ToString(CultureInfo.InvariantCulture));

    public QueryParameters Set(string key, bool? value) => Set(key, value is null ? null : value.Value ? "true" : "false");

    /// <summary><c>prefix.1</c>, <c>prefix.2</c>… (pass <c>"Subnets.member"</c> for member lists).</summary>
    public QueryParameters List(string prefix, IEnumerable<string> values)
    {
        var i = 0;
        foreach (var v in values) Add(new($"{prefix}.{++i}", v));
        return this;
    }

    /// <summary>A list of structures: <paramref name="write"/> fills the fields of item N under <c>prefix.N.</c>.</summary>
    public QueryParameters List<T>(string prefix, IEnumerable<T> items, Action<QueryParameters, string, T> write)
    {
        var i = 0;
        foreach (var item in items) write(this, $"{prefix}.{++i}.", item);
        return this;
    }

    /// <summary>AWS tags as <c>prefix.N.Key</c> / <c>prefix.N.Value</c>.</summary>
    public QueryParameters Tags(string prefix, IEnumerable<KeyValuePair<string, string>> tags) =>
        List(prefix, tags, (q, p, t) => q.Set(p + "Key", t.Key).Set(p + "Value", t.Value));
}
