using System.Text.Json.Serialization;

namespace Foremast.Aws.Bake;

[JsonConverter(typeof(JsonStringEnumConverter<BakeState>))]
public enum BakeState
{
    /// <summary>The builder is installing or the image is being written: call again after a durable timer.</summary>
    Pending,

    /// <summary>The image exists and is available (or, in a dry run, would be baked).</summary>
    Available,

    /// <summary>The bake cannot finish (builder gone before the image was taken, image failed): stop polling.</summary>
    Failed,
}
