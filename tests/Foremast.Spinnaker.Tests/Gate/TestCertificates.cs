using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Foremast.Spinnaker.Tests.Gate;

/// <summary>Throw-away certificates for TLS tests: a CA, a server leaf it signs, and a client certificate, as PEM files.</summary>
public sealed class TestCertificates : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("foremast-gate-tls-").FullName;

    public TestCertificates()
    {
        Ca = CreateCa("Foremast Test CA");
        Server = CreateServer(Ca);
        Client = CreateClient();
        CaBundlePath = WritePem("ca.pem", Ca, includeKey: false);
        ClientPemPath = WritePem("client.pem", Client, includeKey: true);
    }

    public X509Certificate2 Ca { get; }

    public X509Certificate2 Server { get; }

    public X509Certificate2 Client { get; }

    public string CaBundlePath { get; }

    /// <summary>Certificate and private key in one PEM file, the shape Foremast's <c>gate_client_cert</c> takes.</summary>
    public string ClientPemPath { get; }

    /// <summary>A bundle holding a different CA, which must not validate the server.</summary>
    public string WriteUnrelatedCaBundle()
    {
        using var other = CreateCa("Unrelated CA");
        return WritePem("other-ca.pem", other, includeKey: false);
    }

    public void Dispose()
    {
        Ca.Dispose();
        Server.Dispose();
        Client.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static X509Certificate2 CreateCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return Persist(cert);
    }

    private static X509Certificate2 CreateServer(X509Certificate2 ca)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=fake-gate", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var signed = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(12), RandomNumberGenerator.GetBytes(8));
        using var withKey = signed.CopyWithPrivateKey(key);
        return Persist(withKey);
    }

    private static X509Certificate2 CreateClient()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=foremast-client", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(12));
        return Persist(cert);
    }

    /// <summary>TLS on Linux wants a key that survives export; a PKCS#12 round trip gives that.</summary>
    private static X509Certificate2 Persist(X509Certificate2 cert) =>
        X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);

    private string WritePem(string name, X509Certificate2 cert, bool includeKey)
    {
        var path = Path.Combine(_directory, name);
        var text = cert.ExportCertificatePem();
        if (includeKey) text += "\n" + cert.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem();
        File.WriteAllText(path, text);
        return path;
    }
}
