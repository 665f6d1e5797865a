using Amazon.EC2.Model;

namespace Foremast.Aws.Deploy;

/// <summary>One launch template per server group, named like the group and tagged with the run that made it.</summary>
internal static class LaunchTemplates
{
    public static async Task<LaunchTemplate?> FindAsync(AwsSession session, string name, CancellationToken cancellationToken)
    {
        var found = await AwsCalls.RunAsync($"launch template {name}", "DescribeLaunchTemplates", () => session.Ec2.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest
        {
            Filters = [new Filter("launch-template-name", [name])],
        }, cancellationToken)).ConfigureAwait(false);
        return found.LaunchTemplates?.FirstOrDefault(t => t.LaunchTemplateName == name);
    }

    public static async Task<string> CreateAsync(AwsSession session, string name, string clientToken, RequestLaunchTemplateData data, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        var created = await AwsCalls.RunAsync($"launch template {name}", "CreateLaunchTemplate", () => session.Ec2.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest
        {
            LaunchTemplateName = name,
            ClientToken = clientToken,
            LaunchTemplateData = data,
            TagSpecifications = [new TagSpecification { ResourceType = "launch-template", Tags = tags.Select(t => new Tag(t.Key, t.Value)).ToList() }],
        }, cancellationToken)).ConfigureAwait(false);
        return created.LaunchTemplate.LaunchTemplateId;
    }

    /// <summary>Deletes the group's template if it is there (a template left behind is harmless but clutters the account).</summary>
    public static async Task<bool> DeleteIfPresentAsync(AwsSession session, string name, CancellationToken cancellationToken)
    {
        if (await FindAsync(session, name, cancellationToken).ConfigureAwait(false) is not { } template) return false;
        await AwsCalls.RunAsync($"launch template {name}", "DeleteLaunchTemplate", () =>
            session.Ec2.DeleteLaunchTemplateAsync(new DeleteLaunchTemplateRequest { LaunchTemplateId = template.LaunchTemplateId }, cancellationToken)).ConfigureAwait(false);
        return true;
    }
}
