using Foremast.Spinnaker.Gate;

namespace Foremast.Spinnaker.Tests.Gate;

public sealed class GateTlsTests : IClassFixture<GateTlsTests.Certificates>
{
    private readonly TestCertificates _certs;

    public GateTlsTests(Certificates certificates) => _certs = certificates.Value;

    [Fact]
    public async Task Server_signed_by_an_unknown_ca_is_rejected_by_default()
    {
        await using var gate = await FakeGate.StartAsync(new FakeGateOptions(ServerCertificate: _certs.Server));
        using var client = GateTestOptions.Client(gate);

        var error = await Assert.ThrowsAsync<GateException>(() => client.GetPipelineConfigsAsync("app"));

        Assert.Contains("TLS verification", error.Message);
        Assert.Empty(gate.Requests);
    }

    [Fact]
    public async Task Server_is_accepted_with_the_ca_bundle_that_signed_it()
    {
        await using var gate = await FakeGate.StartAsync(new FakeGateOptions(ServerCertificate: _certs.Server));
        using var client = GateTestOptions.Client(gate, o => o with { CaBundlePath = _certs.CaBundlePath });

        Assert.Empty(await client.GetPipelineConfigsAsync("app"));
    }

    [Fact]
    public async Task Server_is_rejected_with_a_ca_bundle_of_another_ca()
    {
        await using var gate = await FakeGate.StartAsync(new FakeGateOptions(ServerCertificate: _certs.Server));
        using var client = GateTestOptions.Client(gate, o => o with { CaBundlePath = _certs.WriteUnrelatedCaBundle() });

        var error = await Assert.ThrowsAsync<GateException>(() => client.GetPipelineConfigsAsync("app"));

        Assert.Contains("TLS verification", error.Message);
    }

    [Fact]
    public async Task Server_is_accepted_when_verification_is_explicitly_disabled()
    {
        await using var gate = await FakeGate.StartAsync(new FakeGateOptions(ServerCertificate: _certs.Server));
        using var client = GateTestOptions.Client(gate, o => o with { InsecureSkipTlsVerify = true });

        Assert.Empty(await client.GetPipelineConfigsAsync("app"));
    }

    [Fact]
    public async Task Client_certificate_is_presented_when_configured()
    {
        await using var gate = await FakeGate.StartAsync(new FakeGateOptions(ServerCertificate: _certs.Server, RequiredClientCertificate: _certs.Client));
        using var client = GateTestOptions.Client(gate, o => o with { CaBundlePath = _certs.CaBundlePath, ClientCertificatePath = _certs.ClientPemPath });

        await client.GetPipelineConfigsAsync("app");

        Assert.Equal(_certs.Client.Thumbprint, Assert.Single(gate.Requests).ClientCertificateThumbprint);
    }

    [Fact]
    public async Task Gate_requiring_a_client_certificate_refuses_a_client_without_one()
    {
        await using var gate = await FakeGate.StartAsync(new FakeGateOptions(ServerCertificate: _certs.Server, RequiredClientCertificate: _certs.Client));
        using var client = GateTestOptions.Client(gate, o => o with { CaBundlePath = _certs.CaBundlePath, MaxRetries = 1 });

        await Assert.ThrowsAsync<GateException>(() => client.GetPipelineConfigsAsync("app"));
        Assert.Empty(gate.Requests);
    }

    [Fact]
    public void Client_certificate_file_without_a_key_is_a_clear_error()
    {
        var error = Assert.Throws<GateException>(() => GateTls.LoadClientCertificate(_certs.CaBundlePath));

        Assert.Contains("no private key", error.Message);
    }

    /// <summary>Certificates are made once per class: key generation is the slow part.</summary>
    public sealed class Certificates : IDisposable
    {
        public TestCertificates Value { get; } = new();

        public void Dispose() => Value.Dispose();
    }
}
