using Foremast.Aws.LoadBalancers.Desired;

namespace Foremast.Aws.Tests.LoadBalancers;

/// <summary>Foremast's optional <c>infrastructure/iam/tlscert_naming.json</c> hook, v1 and v2 shapes, from a templates_path of the test's own.</summary>
public sealed class CertificateNamingTests : IDisposable
{
    private const string Map = """
        {
          "dev": { "{{ name }}": "arn:aws:acm:us-east-1:{{ account }}:certificate/v1-{{ name }}" },
          "iam": { "stage": { "wildcard": "arn:aws:iam::{{ account }}:server-certificate/star-example" } },
          "acm": { "us-west-2": { "prod": { "wildcard": "arn:aws:acm:us-west-2:{{ account }}:certificate/prod-west" } } }
        }
        """;

    private readonly string _templates = Directory.CreateTempSubdirectory("foremast-tlscert-").FullName;

    public CertificateNamingTests() => Write(Map);

    [Fact]
    public void V1_map_names_the_certificate_per_env()
    {
        Assert.Equal("arn:aws:acm:us-east-1:111111111111:certificate/v1-shop", CertificateNaming.Lookup(_templates, "dev", "us-east-1", "111111111111", "shop"));
    }

    [Fact]
    public void V2_map_names_iam_certificates_per_env_and_acm_certificates_per_region_and_env()
    {
        Assert.Equal("arn:aws:iam::222222222222:server-certificate/star-example", CertificateNaming.Lookup(_templates, "stage", "us-east-1", "222222222222", "wildcard"));
        Assert.Equal("arn:aws:acm:us-west-2:333333333333:certificate/prod-west", CertificateNaming.Lookup(_templates, "prod", "us-west-2", "333333333333", "wildcard"));
    }

    [Fact]
    public void A_name_the_map_does_not_hold_and_a_missing_template_leave_the_default_to_the_caller()
    {
        Assert.Null(CertificateNaming.Lookup(_templates, "prod", "us-east-1", "333333333333", "wildcard"));
        Assert.Null(CertificateNaming.Lookup(null, "dev", "us-east-1", "111111111111", "shop"));
        Assert.Null(CertificateNaming.Lookup(Directory.CreateTempSubdirectory("foremast-empty-").FullName, "dev", "us-east-1", "111111111111", "shop"));
    }

    [Fact]
    public void Template_that_renders_no_json_object_is_one_clear_line()
    {
        Write("not json {{ name }}");

        var error = Assert.Throws<AwsConfigurationException>(() => CertificateNaming.Lookup(_templates, "dev", "us-east-1", "111111111111", "shop"));

        Assert.StartsWith(Path.Combine(_templates, "infrastructure", "iam", "tlscert_naming.json.sbn") + ": the certificate naming template does not render JSON", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    public void Dispose() => Directory.Delete(_templates, recursive: true);

    private void Write(string text)
    {
        var dir = Path.Combine(_templates, "infrastructure", "iam");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "tlscert_naming.json.sbn"), text);
    }
}
