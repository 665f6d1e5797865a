using System.Text.Json;
using Amazon.EC2.Model;

namespace Foremast.Aws.Bake;

/// <summary>
/// Foremast's <c>ami_lookup(region, base)</c>: a literal <c>ami-…</c> is used as is; with <c>base.ami_json_url</c> the table
/// <c>{region: {name: ami}}</c> at that URL decides; otherwise the account's own newest image named <c>{base}</c> or
/// <c>{base}-*</c> (only the account's images: the public catalogue is huge and not ours to pick from).
/// </summary>
public sealed class AmiLookup(AwsSession session, HttpClient? http = null)
{
    /// <exception cref="AwsConfigurationException">Nothing resolves the alias, or the resolved image does not exist.</exception>
    public async Task<BaseImage> ResolveAsync(string baseName, string? amiJsonUrl, CancellationToken cancellationToken = default)
    {
        if (baseName.StartsWith("ami-", StringComparison.Ordinal)) return await DescribeAsync(baseName, "pipeline.json base", cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(amiJsonUrl))
        {
            var id = await FromTableAsync(baseName, amiJsonUrl, cancellationToken).ConfigureAwait(false);
            return await DescribeAsync(id, $"ami_json_url {amiJsonUrl}", cancellationToken).ConfigureAwait(false);
        }

        var images = await AwsCalls.RunAsync($"base image {baseName}", "DescribeImages", () => session.Ec2.DescribeImagesAsync(new DescribeImagesRequest
        {
            Owners = ["self"],
            Filters = [new Filter("name", [baseName, baseName + "-*"]), new Filter("state", ["available"])],
        }, cancellationToken)).ConfigureAwait(false);
        var newest = (images.Images ?? []).OrderByDescending(i => i.CreationDate, StringComparer.Ordinal).FirstOrDefault()
            ?? throw new AwsConfigurationException(
                $"no base image for base \"{baseName}\" in env {session.Env}, region {session.Region}: set pipeline.json base to an ami id, " +
                $"configure base.ami_json_url, or register an image named {baseName} (or {baseName}-…) in the account");
        return new BaseImage(newest.ImageId, newest.RootDeviceName, $"image {newest.Name}");
    }

    private async Task<string> FromTableAsync(string baseName, string url, CancellationToken cancellationToken)
    {
        if (http is null) throw new AwsConfigurationException($"base.ami_json_url is set ({url}) but no HTTP client was given to the AMI lookup");
        JsonElement table;
        try
        {
            using var response = await http.GetAsync(new Uri(url), cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            table = JsonElement.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or UriFormatException)
        {
            throw new AwsConfigurationException($"base.ami_json_url {url}: cannot read the AMI table: {e.Message}");
        }

        return table.ValueKind == JsonValueKind.Object && table.TryGetProperty(session.Region, out var region) && region.ValueKind == JsonValueKind.Object
               && region.TryGetProperty(baseName, out var ami) && ami.ValueKind == JsonValueKind.String && ami.GetString() is { Length: > 0 } id
            ? id
            : throw new AwsConfigurationException($"base.ami_json_url {url}: no AMI for base \"{baseName}\" in region {session.Region}");
    }

    private async Task<BaseImage> DescribeAsync(string imageId, string source, CancellationToken cancellationToken)
    {
        DescribeImagesResponse found;
        try
        {
            found = await session.Ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [imageId] }, cancellationToken).ConfigureAwait(false);
        }
        catch (Amazon.EC2.AmazonEC2Exception e) when (e.ErrorCode is "InvalidAMIID.NotFound" or "InvalidAMIID.Malformed")
        {
            found = new DescribeImagesResponse();
        }

        var image = found.Images?.FirstOrDefault()
            ?? throw new AwsConfigurationException($"base image {imageId} (from {source}) does not exist in env {session.Env}, region {session.Region}");
        return new BaseImage(image.ImageId, image.RootDeviceName, source);
    }
}
