namespace Foremast.Aws.Bake;

/// <summary>The image a builder starts from.</summary>
/// <param name="RootDeviceName">Where the root volume is mapped (<c>/dev/xvda</c>, <c>/dev/sda1</c>), to size it.</param>
public sealed record BaseImage(string ImageId, string? RootDeviceName, string Source);
