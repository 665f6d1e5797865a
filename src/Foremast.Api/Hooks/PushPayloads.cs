using System.Text.Json;

namespace Foremast.Api.Hooks;

/// <summary>
/// Reads the ref updates out of each provider's push payload. Only the fields needed to find the repository and
/// commit are read, so the many optional fields (and GitHub's integer-or-string timestamps) never matter.
/// </summary>
public static class PushPayloads
{
    /// <exception cref="JsonException">The body is not the provider's push JSON.</exception>
    public static IReadOnlyList<PushEvent> Parse(GitProvider provider, ApiRequest request)
    {
        using var json = JsonDocument.Parse(JsonBody(provider, request));
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new JsonException("the payload is not a JSON object");
        return provider switch
        {
            GitProvider.GitHub => [GitHub(root)],
            GitProvider.GitLab => [GitLab(root)],
            GitProvider.Bitbucket => Bitbucket(root),
            _ => [Generic(root)],
        };
    }

    /// <summary>GitHub can send the JSON as the form field <c>payload</c>; the signature still covers the raw form body.</summary>
    private static string JsonBody(GitProvider provider, ApiRequest request)
    {
        if (provider != GitProvider.GitHub || !request.IsForm) return request.BodyText;
        var payload = request.BodyText.Split('&').FirstOrDefault(p => p.StartsWith("payload=", StringComparison.Ordinal));
        return payload is null ? "" : Uri.UnescapeDataString(payload["payload=".Length..].Replace('+', ' '));
    }

    private static PushEvent GitHub(JsonElement root)
    {
        var repo = Get(root, "repository");
        return new PushEvent(GitProvider.GitHub, Text(root, "ref") ?? "", Text(root, "after"), Get(root, "deleted") is { ValueKind: JsonValueKind.True },
            Text(repo, "full_name"), Urls(Text(repo, "clone_url"), Text(repo, "html_url"), Text(repo, "ssh_url"), Text(repo, "git_url")), Text(repo, "clone_url"),
            Text(Get(Get(root, "head_commit"), "author"), "email") ?? Text(Get(Get(root, "head_commit"), "author"), "username"));
    }

    private static PushEvent GitLab(JsonElement root)
    {
        var project = Get(root, "project");
        var clone = Text(project, "git_http_url");
        var head = Text(root, "checkout_sha") ?? Text(root, "after");
        // The head commit's author; the pusher (user_email) only when the payload does not list that commit.
        var commit = Get(root, "commits") is { ValueKind: JsonValueKind.Array } commits
            ? commits.EnumerateArray().Select(c => (JsonElement?)c).FirstOrDefault(c => Text(c, "id") == head)
            : null;
        return new PushEvent(GitProvider.GitLab, Text(root, "ref") ?? "", head, false,
            Text(project, "path_with_namespace"), Urls(clone, Text(project, "web_url"), Text(project, "git_ssh_url")), clone,
            Text(Get(commit, "author"), "email") ?? Text(root, "user_email") ?? Text(root, "user_username"));
    }

    /// <summary>One push can update several refs; each change becomes an event. A null <c>new</c> is a deletion.</summary>
    private static IReadOnlyList<PushEvent> Bitbucket(JsonElement root)
    {
        var repo = Get(root, "repository");
        var fullName = Text(repo, "full_name");
        var html = Text(Get(Get(repo, "links"), "html"), "href");
        var clone = fullName is null ? null : $"https://bitbucket.org/{fullName}.git";
        var changes = Get(Get(root, "push"), "changes");
        if (changes is not { ValueKind: JsonValueKind.Array } list) return [];
        return list.EnumerateArray().Select(change =>
        {
            var target = Get(change, "new") is { ValueKind: JsonValueKind.Object } n ? n : Get(change, "old");
            var name = Text(target, "name") ?? "";
            var kind = Text(target, "type") == "tag" ? "refs/tags/" : "refs/heads/";
            var deleted = Get(change, "new") is not { ValueKind: JsonValueKind.Object };
            var commit = Get(Get(change, "new"), "target");
            return new PushEvent(GitProvider.Bitbucket, kind + name, deleted ? null : Text(commit, "hash"), deleted,
                fullName, Urls(clone, html), clone, deleted ? null : BitbucketAuthor(Get(commit, "author")));
        }).ToList();
    }

    /// <summary>
    /// Bitbucket Cloud's commit author is <c>{"raw": "Name &lt;email&gt;", "user": {account}}</c>: the email from
    /// <c>raw</c> when it has one, else the linked account's nickname (older payloads put the account fields on the
    /// author itself), else the display name.
    /// </summary>
    private static string? BitbucketAuthor(JsonElement? author)
    {
        if (Text(author, "raw") is { } raw && raw.LastIndexOf('<') is >= 0 and var open && raw.IndexOf('>', open) is > 0 and var close && close > open + 1)
        {
            return raw[(open + 1)..close].Trim();
        }

        var user = Get(author, "user") is { ValueKind: JsonValueKind.Object } linked ? linked : author;
        return Text(user, "nickname") ?? Text(user, "display_name") ?? Text(author, "raw");
    }

    /// <summary>The generic hook: <c>{"repository": url or full name, "ref": "refs/heads/main", "commit": sha}</c>.</summary>
    private static PushEvent Generic(JsonElement root)
    {
        var repository = Text(root, "repository") ?? "";
        var isUrl = repository.Contains("://", StringComparison.Ordinal) || repository.Contains('@') || repository.StartsWith('/');
        return new PushEvent(GitProvider.Generic, Text(root, "ref") ?? "", Text(root, "commit") ?? Text(root, "after"), Get(root, "deleted") is { ValueKind: JsonValueKind.True },
            isUrl ? null : repository, isUrl ? [repository] : [], isUrl ? repository : null, Text(root, "author"));
    }

    private static JsonElement? Get(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) ? value : null;

    private static string? Text(JsonElement? element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static IReadOnlyList<string> Urls(params string?[] urls) => urls.OfType<string>().Where(u => u.Length > 0).ToList();
}
