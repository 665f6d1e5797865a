namespace Foremast.Aws.LoadBalancers.Classic;

/// <summary>SDK <c>AccessLog</c>; <paramref name="EmitInterval"/> in minutes.</summary>
public sealed record ClassicAccessLog(bool Enabled, string? S3BucketName = null, int? EmitInterval = null, string? S3BucketPrefix = null)
{
    public override string ToString() => Enabled ? $"s3://{S3BucketName}/{S3BucketPrefix} every {EmitInterval} min" : "off";
}
