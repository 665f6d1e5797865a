using Foremast.Core.Naming;

namespace Foremast.Aws.Iam;

/// <summary>The IAM names of an app, from foremast-utils' <c>Generator.iam()</c> formats (<c>[formats]</c> overrides apply).</summary>
public sealed record IamNames(string Role, string Profile, string Policy, string User, string Group)
{
    public static IamNames From(NameGenerator names) => new(
        names.Name("iam_role"), names.Name("iam_profile"), names.Name("iam_policy"), names.Name("iam_user"), names.Name("iam_group"));
}
