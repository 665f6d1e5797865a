namespace Foremast.Aws.Deploy;

/// <summary>Tags the deploy keys its side effects by, besides Foremast's <c>app_group</c>/<c>app_name</c>.</summary>
public static class DeployTags
{
    /// <summary>The run that created the group: a replayed start finds its group by it.</summary>
    public const string RunId = "foremast:run_id";

    public const string Env = "foremast:env";

    /// <summary>On a group redblack disabled: <c>min,max,desired</c> before it was scaled to 0, so a rollback can restore it.</summary>
    public const string DisabledCapacity = "foremast:disabled_capacity";
}
