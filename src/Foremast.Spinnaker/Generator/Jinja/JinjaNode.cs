namespace Foremast.Spinnaker.Generator.Jinja;

/// <summary>Parsed Jinja expressions (the supported subset).</summary>
internal abstract record JinjaNode;

internal sealed record LiteralNode(object? Value) : JinjaNode;

internal sealed record NameNode(string Name) : JinjaNode;

internal sealed record AttributeNode(JinjaNode Target, string Name) : JinjaNode;

internal sealed record IndexNode(JinjaNode Target, JinjaNode Index) : JinjaNode;

internal sealed record CallNode(string Function, IReadOnlyList<JinjaNode> Arguments) : JinjaNode;

/// <summary>A dict method call: <c>x.items()</c>, <c>x.keys()</c>, <c>x.values()</c>, <c>x.get(key, default)</c>.</summary>
internal sealed record MethodNode(JinjaNode Target, string Method, IReadOnlyList<JinjaNode> Arguments) : JinjaNode;

internal sealed record FilterNode(JinjaNode Target, string Filter, IReadOnlyList<JinjaNode> Arguments) : JinjaNode;

internal sealed record BinaryNode(string Operator, JinjaNode Left, JinjaNode Right) : JinjaNode;

internal sealed record NotNode(JinjaNode Operand) : JinjaNode;

internal sealed record NegateNode(JinjaNode Operand) : JinjaNode;

internal sealed record ConditionalNode(JinjaNode Test, JinjaNode Then, JinjaNode? Else) : JinjaNode;

internal sealed record ListNode(IReadOnlyList<JinjaNode> Items) : JinjaNode;

internal sealed record DictNode(IReadOnlyList<(string Key, JinjaNode Value)> Items) : JinjaNode;
