namespace Foremast.Core.Validation.Spec;

/// <summary>
/// What one key of a runway file may hold. The validator walks user JSON with these nodes and the JSON Schema
/// generator prints them, so both read the same declaration.
/// </summary>
public sealed class SpecNode
{
    public JsonTypes Types { get; internal set; }

    public string? Description { get; internal set; }

    /// <summary>Wording for "expected X" when the generated one would be unclear (regions, ingress rules).</summary>
    public string? Expected { get; internal set; }

    /// <summary>Allowed string values; null when any string goes.</summary>
    public IReadOnlyList<string>? Enum { get; internal set; }

    /// <summary>For values Foremast upper- or lower-cases before use (<c>hc_type</c>, webhook <c>method</c>).</summary>
    public bool EnumIgnoresCase { get; internal set; }

    /// <summary>Bounds for integers, numbers and <see cref="StringFormat.Digits"/> strings.</summary>
    public long Minimum { get; internal set; } = int.MinValue;

    public long Maximum { get; internal set; } = int.MaxValue;

    public StringFormat? Format { get; internal set; }

    /// <summary>The known keys of a closed object; any other key is reported as unknown.</summary>
    public OrderedDictionary<string, SpecNode>? Properties { get; internal set; }

    public IReadOnlyList<string> Required { get; internal set; } = [];

    /// <summary>Required keys apply only to a non-empty object: an empty <c>{}</c> means "not used" (scaling_policy, access_log).</summary>
    public bool RequiredUnlessEmpty { get; internal set; }

    /// <summary>A map: every value is checked against this node, whatever its key. A region override points back at the env spec, so this may form a cycle.</summary>
    public SpecNode? Values { get; internal set; }

    /// <summary>The shape map keys must have (region names).</summary>
    public StringFormat? KeyFormat { get; internal set; }

    public SpecNode? Items { get; internal set; }

    public bool UniqueItems { get; internal set; }

    /// <summary>Objects told apart by a key (lambda_triggers by <c>type</c>); each variant lists its own keys.</summary>
    public string? Discriminator { get; internal set; }

    public OrderedDictionary<string, SpecNode>? Variants { get; internal set; }

    /// <summary>An object with no declared keys: anything goes inside (custom_tags, qe, payload).</summary>
    public bool IsFreeForm => Types.HasFlag(JsonTypes.Object) && Properties is null && Values is null && Variants is null;

    public bool IsNullable => Types.HasFlag(JsonTypes.Null);
}
