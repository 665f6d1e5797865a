using System.Xml.Linq;
using Foremast.Aws.Http;

namespace Foremast.Aws.Iam;

/// <summary>
/// The IAM calls of the IAM resource over the Query protocol, named and shaped after the SDK's <c>AmazonIdentityManagementServiceClient</c>.
/// Reads answer null for <c>NoSuchEntity</c>; every other error is an <see cref="AwsServiceException"/>.
/// </summary>
public sealed class IamClient(AwsQueryClient query)
{
    public async Task<IamRole?> GetRoleAsync(string roleName, CancellationToken ct)
    {
        var result = await FindAsync("GetRole", new QueryParameters().Set("RoleName", roleName), ct).ConfigureAwait(false);
        return result?.Child("Role") is { } role ? Role(role) : null;
    }

    public async Task<IamRole> CreateRoleAsync(string roleName, string assumeRolePolicyDocument, CancellationToken ct)
    {
        var result = await query.CallAsync("CreateRole", new QueryParameters().Set("RoleName", roleName).Set("AssumeRolePolicyDocument", assumeRolePolicyDocument), ct).ConfigureAwait(false);
        return result.Child("Role") is { } role ? Role(role) : new IamRole(roleName, "", assumeRolePolicyDocument);
    }

    public Task UpdateAssumeRolePolicyAsync(string roleName, string policyDocument, CancellationToken ct) =>
        query.CallAsync("UpdateAssumeRolePolicy", new QueryParameters().Set("RoleName", roleName).Set("PolicyDocument", policyDocument), ct);

    public async Task<IamInstanceProfile?> GetInstanceProfileAsync(string name, CancellationToken ct)
    {
        var result = await FindAsync("GetInstanceProfile", new QueryParameters().Set("InstanceProfileName", name), ct).ConfigureAwait(false);
        return result?.Child("InstanceProfile") is { } profile ? Profile(profile) : null;
    }

    public Task CreateInstanceProfileAsync(string name, CancellationToken ct) =>
        query.CallAsync("CreateInstanceProfile", new QueryParameters().Set("InstanceProfileName", name), ct);

    public Task AddRoleToInstanceProfileAsync(string profileName, string roleName, CancellationToken ct) =>
        query.CallAsync("AddRoleToInstanceProfile", new QueryParameters().Set("InstanceProfileName", profileName).Set("RoleName", roleName), ct);

    public Task RemoveRoleFromInstanceProfileAsync(string profileName, string roleName, CancellationToken ct) =>
        query.CallAsync("RemoveRoleFromInstanceProfile", new QueryParameters().Set("InstanceProfileName", profileName).Set("RoleName", roleName), ct);

    public async Task<IReadOnlyList<IamInstanceProfile>> ListInstanceProfilesForRoleAsync(string roleName, CancellationToken ct)
    {
        var result = await query.CallAsync("ListInstanceProfilesForRole", new QueryParameters().Set("RoleName", roleName), ct).ConfigureAwait(false);
        return result.Members("InstanceProfiles").Select(Profile).ToList();
    }

    /// <returns>The URL-decoded policy document, or null when the role has no inline policy of that name.</returns>
    public async Task<string?> GetRolePolicyAsync(string roleName, string policyName, CancellationToken ct)
    {
        var result = await FindAsync("GetRolePolicy", new QueryParameters().Set("RoleName", roleName).Set("PolicyName", policyName), ct).ConfigureAwait(false);
        return result?.Value("PolicyDocument") is { } document ? Decode(document) : null;
    }

    public Task PutRolePolicyAsync(string roleName, string policyName, string policyDocument, CancellationToken ct) =>
        query.CallAsync("PutRolePolicy", new QueryParameters().Set("RoleName", roleName).Set("PolicyName", policyName).Set("PolicyDocument", policyDocument), ct);

    public Task DeleteRolePolicyAsync(string roleName, string policyName, CancellationToken ct) =>
        query.CallAsync("DeleteRolePolicy", new QueryParameters().Set("RoleName", roleName).Set("PolicyName", policyName), ct);

    public async Task<bool> UserExistsAsync(string userName, CancellationToken ct) =>
        await FindAsync("GetUser", new QueryParameters().Set("UserName", userName), ct).ConfigureAwait(false) is not null;

    public Task CreateUserAsync(string userName, CancellationToken ct) =>
        query.CallAsync("CreateUser", new QueryParameters().Set("UserName", userName), ct);

    public async Task<IamGroup?> GetGroupAsync(string groupName, CancellationToken ct)
    {
        var result = await FindAsync("GetGroup", new QueryParameters().Set("GroupName", groupName), ct).ConfigureAwait(false);
        return result is null ? null : new IamGroup(groupName, result.Members("Users").Select(u => u.Value("UserName") ?? "").ToList());
    }

    public Task CreateGroupAsync(string groupName, CancellationToken ct) =>
        query.CallAsync("CreateGroup", new QueryParameters().Set("GroupName", groupName), ct);

    public Task AddUserToGroupAsync(string groupName, string userName, CancellationToken ct) =>
        query.CallAsync("AddUserToGroup", new QueryParameters().Set("GroupName", groupName).Set("UserName", userName), ct);

    private async Task<XElement?> FindAsync(string action, QueryParameters parameters, CancellationToken ct)
    {
        try
        {
            return await query.CallAsync(action, parameters, ct).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.Code == "NoSuchEntity")
        {
            return null;
        }
    }

    private static IamRole Role(XElement role) =>
        new(role.Value("RoleName") ?? "", role.Value("Arn") ?? "", Decode(role.Value("AssumeRolePolicyDocument") ?? ""));

    private static IamInstanceProfile Profile(XElement profile) =>
        new(profile.Value("InstanceProfileName") ?? "", profile.Members("Roles").Select(r => r.Value("RoleName") ?? "").ToList());

    /// <summary>IAM answers policy documents URL-encoded (RFC 3986); a plain JSON answer is left alone.</summary>
    private static string Decode(string document) =>
        document.TrimStart().StartsWith('{') ? document : Uri.UnescapeDataString(document);
}
