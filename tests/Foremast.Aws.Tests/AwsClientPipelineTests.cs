using System.Net;
using Amazon.EC2.Model;
using Foremast.Aws.Http;
using Foremast.Aws.Safety;
using Foremast.Aws.Tests.Support;

namespace Foremast.Aws.Tests;

/// <summary>The handler chain every AWS call goes through (guard, signer, retry), against moto behind a fault proxy.</summary>
public sealed class AwsClientPipelineTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static QueryParameters Role(string name) => new QueryParameters()
        .Set("RoleName", name)
        .Set("AssumeRolePolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""");

    [Fact]
    public async Task Signed_query_call_reaches_the_service_named_by_its_signing_scope()
    {
        var session = AwsTestClients.Session(moto.Url);
        await session.Iam.CallAsync("CreateRole", Role("pipeline_roundtrip_role"));

        var role = await session.Iam.CallAsync("GetRole", new QueryParameters().Set("RoleName", "pipeline_roundtrip_role"));

        Assert.Equal("pipeline_roundtrip_role", role.Find("RoleName")?.Value);
    }

    [Fact]
    public async Task Throttling_503_and_dropped_connections_are_retried_until_the_call_succeeds()
    {
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        proxy.Fail(FaultKind.Throttle, 2).Fail(FaultKind.Unavailable, 1).Fail(FaultKind.Drop, 1);
        var session = AwsTestClients.Session(proxy.Url);

        await session.Iam.CallAsync("CreateRole", Role("pipeline_retried_role"));

        Assert.Equal(4, proxy.FaultsServed);
        Assert.Equal(5, proxy.Calls.Count(c => c.Operation == "CreateRole"));
    }

    [Fact]
    public async Task Sdk_clients_share_the_retry_pipeline()
    {
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        proxy.Fail(FaultKind.Throttle, 2, c => c.Operation == "DescribeVpcs");
        var session = AwsTestClients.Session(proxy.Url);

        var vpcs = await session.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest());

        Assert.NotEmpty(vpcs.Vpcs);
        Assert.Equal(3, proxy.Calls.Count(c => c.Operation == "DescribeVpcs"));
    }

    [Fact]
    public async Task Permission_error_fails_at_once_with_operation_code_and_message()
    {
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        proxy.Fail(FaultKind.AccessDenied, 10);
        var session = AwsTestClients.Session(proxy.Url);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => session.Iam.CallAsync("CreateRole", Role("pipeline_denied_role")));

        Assert.Single(proxy.Calls);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("AccessDenied", error.Code);
        Assert.Equal("iam pipeline_denied_role: CreateRole failed: AccessDenied: User: arn:aws:iam::123456789012:user/deployer is not authorized to perform this action",
            error.Describe("iam pipeline_denied_role"));
    }

    [Fact]
    public async Task Validation_error_from_the_service_is_not_retried()
    {
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        var session = AwsTestClients.Session(proxy.Url);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => session.Iam.CallAsync("GetRole", new QueryParameters().Set("RoleName", "no_such_role")));

        Assert.Equal("NoSuchEntity", error.Code);
        Assert.Single(proxy.Calls);
    }

    [Fact]
    public async Task Read_only_session_refuses_mutating_calls_before_they_leave_the_process()
    {
        await using var proxy = await FaultProxy.StartAsync(moto.Endpoint);
        var log = new CallLog();
        var session = AwsTestClients.Session(proxy.Url, log, readOnly: true);

        var query = await Assert.ThrowsAsync<MutationRefusedException>(() => session.Iam.CallAsync("CreateRole", Role("pipeline_dry_role")));
        var sdk = await Assert.ThrowsAsync<MutationRefusedException>(() => session.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest("dry", "dry")));
        var reads = await session.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest());

        Assert.Equal(("IAM", "CreateRole"), (query.Call.Service, query.Call.Operation));
        Assert.Equal(("EC2", "CreateSecurityGroup"), (sdk.Call.Service, sdk.Call.Operation));
        Assert.DoesNotContain(proxy.Calls, c => c.Operation is "CreateRole" or "CreateSecurityGroup");
        Assert.Contains(proxy.Calls, c => c.Operation == "DescribeSecurityGroups");
        Assert.NotNull(reads.SecurityGroups);
        Assert.Equal(2, log.Writes.Count);
    }

    [Fact]
    public async Task Rest_xml_reads_pass_a_read_only_session_and_writes_do_not()
    {
        var session = AwsTestClients.Session(moto.Url, readOnly: true);

        var zones = await session.Route53.SendAsync("ListHostedZones", HttpMethod.Get, "hostedzone");
        await Assert.ThrowsAsync<MutationRefusedException>(() => session.Route53.SendAsync("CreateHostedZone", HttpMethod.Post, "hostedzone",
            new System.Xml.Linq.XElement("CreateHostedZoneRequest")));

        Assert.Equal("ListHostedZonesResponse", zones.Name.LocalName);
    }
}
