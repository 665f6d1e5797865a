using System.Collections.Frozen;
using System.Text;

namespace Foremast.Core.Naming;

/// <summary>The foremast-utils naming table; every entry can be overridden by the <c>[formats]</c> section.</summary>
public static class NameFormats
{
    public static readonly FrozenDictionary<string, string> Defaults = new Dictionary<string, string>
    {
        ["apigateway_domain"] = "api.{env}.{domain}",
        ["app"] = "{repo}{project}",
        ["dns_elb"] = "{repo}.{project}.{env}.{domain}",
        ["dns_elb_region"] = "{repo}.{project}.{region}.{env}.{domain}",
        ["dns_global"] = "{repo}.{project}.{env}.{domain}",
        ["dns_instance"] = "{repo}{project}-xx.{env}.{domain}",
        ["dns_region"] = "{repo}.{project}.{region}.{env}.{domain}",
        ["domain"] = "example.com",
        ["elb_app"] = "{repo}{project}",
        ["git_repo"] = "{raw_project}/{raw_repo}",
        ["git_repo_configs"] = "{raw_project}/{raw_repo}-config",
        ["git_repo_qe"] = "{raw_project}/{raw_repo}-qa",
        ["iam_base"] = "{project}_{repo}",
        ["iam_group"] = "{project}",
        ["iam_lambda_role"] = "{project}_{repo}_role",
        ["iam_policy"] = "{project}_{repo}_policy",
        ["iam_profile"] = "{project}_{repo}_profile",
        ["iam_role"] = "{project}_{repo}_role",
        ["iam_user"] = "{project}_{repo}",
        ["jenkins_job_name"] = "{project}_{repo}",
        ["s3_app_bucket"] = "{project}-{repo}",
        ["s3_app_region_bucket"] = "{project}-{repo}-{region}",
        ["s3_archaius_name"] = "archaius-{env}/{project}/{repo}{project}/",
        ["s3_bucket"] = "archaius-{env}",
        ["s3_bucket_path"] = "{project}/{repo}{project}",
        ["security_group_app"] = "{repo}{project}",
        ["shared_s3_app_bucket"] = "common-{project}",
        ["shared_s3_app_region_bucket"] = "common-{project}-{region}",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Python <c>str.format(**values)</c> for named fields; an unknown field is an error, as in Python.</summary>
    public static string Apply(string format, IReadOnlyDictionary<string, string> values)
    {
        var sb = new StringBuilder(format.Length + 16);
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c == '{' && i + 1 < format.Length && format[i + 1] == '{') { sb.Append('{'); i++; continue; }
            if (c == '}' && i + 1 < format.Length && format[i + 1] == '}') { sb.Append('}'); i++; continue; }
            if (c != '{') { sb.Append(c); continue; }
            var end = format.IndexOf('}', i);
            if (end < 0) throw new FormatException($"unclosed '{{' in name format \"{format}\"");
            var field = format[(i + 1)..end];
            if (!values.TryGetValue(field, out var value))
            {
                throw new FormatException($"unknown field {{{field}}} in name format \"{format}\" (known: {string.Join(", ", values.Keys.Order())})");
            }

            sb.Append(value);
            i = end;
        }

        return sb.ToString();
    }
}
