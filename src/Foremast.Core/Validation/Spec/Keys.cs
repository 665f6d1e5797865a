namespace Foremast.Core.Validation.Spec;

/// <summary>Short constructors that keep the key tables readable; nodes are built once, at type initialisation.</summary>
internal static class Keys
{
    public const long MaxInt = int.MaxValue;

    /// <summary>Lets a runway file name its schema for editors; Foremast ignores the key like any other extra key.</summary>
    public static SpecNode SchemaKey => Str("the JSON Schema of this file, for editors (ignored by Foremast)");

    public static SpecNode Str(string description, bool nullable = false) =>
        new() { Types = JsonTypes.String | (nullable ? JsonTypes.Null : 0), Description = description };

    public static SpecNode Formatted(StringFormat format, string description, bool nullable = false) =>
        new() { Types = JsonTypes.String | (nullable ? JsonTypes.Null : 0), Format = format, Description = description };

    public static SpecNode OneOf(string description, params string[] values) =>
        new() { Types = JsonTypes.String, Enum = values, Description = description };

    public static SpecNode OneOfAnyCase(string description, params string[] values) =>
        new() { Types = JsonTypes.String, Enum = values, EnumIgnoresCase = true, Description = description };

    public static SpecNode Int(string description, long min = 0, long max = MaxInt, bool nullable = false) =>
        new() { Types = JsonTypes.Integer | (nullable ? JsonTypes.Null : 0), Minimum = min, Maximum = max, Description = description };

    /// <summary>A count Foremast stores as a string ("128") but that also works as a JSON integer.</summary>
    public static SpecNode IntOrDigits(string description, long min = 0, long max = MaxInt, bool nullable = false) =>
        new() { Types = JsonTypes.String | JsonTypes.Integer | (nullable ? JsonTypes.Null : 0), Format = StringFormat.Digits, Minimum = min, Maximum = max, Description = description };

    public static SpecNode Num(string description, long min = 0, long max = MaxInt) =>
        new() { Types = JsonTypes.Number, Minimum = min, Maximum = max, Description = description };

    public static SpecNode Bool(string description, bool nullable = false) =>
        new() { Types = JsonTypes.Boolean | (nullable ? JsonTypes.Null : 0), Description = description };

    public static SpecNode Obj(string description, params (string Key, SpecNode Node)[] properties)
    {
        var map = new OrderedDictionary<string, SpecNode>(properties.Length, StringComparer.Ordinal);
        foreach (var (key, node) in properties) map.Add(key, node);
        return new SpecNode { Types = JsonTypes.Object, Properties = map, Description = description };
    }

    public static SpecNode FreeObj(string description) => new() { Types = JsonTypes.Object, Description = description };

    public static SpecNode Map(string description, SpecNode values, StringFormat? keyFormat = null) =>
        new() { Types = JsonTypes.Object, Values = values, KeyFormat = keyFormat, Description = description };

    public static SpecNode List(string description, SpecNode items, bool unique = false) =>
        new() { Types = JsonTypes.Array, Items = items, UniqueItems = unique, Description = description };

    public static SpecNode Strings(string description, bool unique = false) => List(description, Str("item"), unique);

    public static SpecNode Tagged(string description, string discriminator, params (string Tag, SpecNode Node)[] variants)
    {
        var map = new OrderedDictionary<string, SpecNode>(variants.Length, StringComparer.Ordinal);
        foreach (var (tag, node) in variants) map.Add(tag, node);
        return new SpecNode { Types = JsonTypes.Object, Discriminator = discriminator, Variants = map, Description = description };
    }

    public static SpecNode Requires(this SpecNode node, params string[] keys)
    {
        node.Required = keys;
        return node;
    }

    public static SpecNode RequiresUnlessEmpty(this SpecNode node, params string[] keys)
    {
        node.Required = keys;
        node.RequiredUnlessEmpty = true;
        return node;
    }

    /// <summary>Widens a node's accepted types (an ingress rule is a port number or an object).</summary>
    public static SpecNode Or(this SpecNode node, JsonTypes extra, long? min = null, long? max = null)
    {
        node.Types |= extra;
        if (min is { } lo) node.Minimum = lo;
        if (max is { } hi) node.Maximum = hi;
        return node;
    }

    public static SpecNode Expecting(this SpecNode node, string expected)
    {
        node.Expected = expected;
        return node;
    }
}
