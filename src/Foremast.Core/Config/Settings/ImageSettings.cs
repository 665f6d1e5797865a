using System.Text.Json;
using System.Text.Json.Serialization;

namespace Foremast.Core.Config.Settings;

/// <summary>The bake settings of <c>pipeline.json</c>: the <c>image</c> block and the top-level <c>base</c> image alias.</summary>
/// <param name="RootVolumeSize">GB of the builder's (and so the image's) root volume.</param>
/// <param name="Builder">Foremast's packer template builder (<c>ebs</c>, <c>chroot</c>); only <c>ebs</c> is baked here.</param>
public sealed record ImageSettings(string BakeInstanceType = "t2.small", int RootVolumeSize = 6, string Builder = "ebs")
{
    public const string DefaultBase = "tomcat8";

    /// <summary>The base image: an alias for the AMI lookup, or a literal <c>ami-…</c> id.</summary>
    [JsonIgnore]
    public string Base { get; init; } = DefaultBase;

    public static ImageSettings From(JsonElement pipeline)
    {
        var image = StageSettings.Section(pipeline, "image", new ImageSettings());
        return pipeline.ValueKind == JsonValueKind.Object && pipeline.TryGetProperty("base", out var b) && b.ValueKind == JsonValueKind.String && b.GetString() is { Length: > 0 } name
            ? image with { Base = name }
            : image;
    }
}
