namespace Foremast.Core.Config.Settings;

/// <summary>One entry of <c>services</c>: the template <c>infrastructure/iam/{Name}.json.sbn</c> and its resource items.</summary>
public sealed record IamService(string Name, IReadOnlyList<string> Items);
