namespace Foremast.Aws.Bake;

/// <summary>Tag keys on baked images and builders. <c>app_group</c>/<c>app_name</c>/<c>appversion</c> are Foremast's bake attributes.</summary>
public static class BakeTags
{
    public const string AppGroup = "app_group";
    public const string AppName = "app_name";
    public const string AppVersion = "appversion";
    public const string Commit = "commit";
    public const string RunId = "foremast:run_id";

    /// <summary>On builders only: <c>{app}/{version}</c>, how a later step of the same bake finds its builder.</summary>
    public const string Builder = "foremast:bake";
}
