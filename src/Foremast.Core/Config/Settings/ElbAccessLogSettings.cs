namespace Foremast.Core.Config.Settings;

/// <summary><c>elb.access_log</c>; <c>{}</c> (every field absent) means no access logs.</summary>
/// <param name="EmitInterval">Minutes between log files (5 or 60).</param>
public sealed record ElbAccessLogSettings(string? BucketName = null, string? BucketPrefix = null, int? EmitInterval = null)
{
    public bool Enabled => !string.IsNullOrEmpty(BucketName);
}
