using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Foremast.Spinnaker.Gate;

/// <summary>Certificate loading and server-certificate checks for Gate connections.</summary>
public static class GateTls
{
    /// <summary>Loads a PEM file that holds a certificate and its private key, as Foremast's <c>gate_client_cert</c> does.</summary>
    public static X509Certificate2 LoadClientCertificate(string pemPath)
    {
        if (!File.Exists(pemPath)) throw new GateException($"Gate client certificate not found: {pemPath}");
        var text = File.ReadAllText(pemPath);
        if (!text.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            throw new GateException($"Gate client certificate {pemPath} has no private key (expected the certificate and its key in one PEM file)");
        }

        try
        {
            using var pem = X509Certificate2.CreateFromPem(text, text);

            // A PEM key is ephemeral; TLS stacks want a persisted one, which a PKCS#12 round trip provides.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new GateException($"Gate client certificate {pemPath} could not be read: {e.Message}", inner: e);
        }
    }

    public static X509Certificate2Collection LoadCaBundle(string pemPath)
    {
        if (!File.Exists(pemPath)) throw new GateException($"Gate CA bundle not found: {pemPath}");
        var bundle = new X509Certificate2Collection();
        try
        {
            bundle.ImportFromPemFile(pemPath);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new GateException($"Gate CA bundle {pemPath} could not be read: {e.Message}", inner: e);
        }

        if (bundle.Count == 0) throw new GateException($"Gate CA bundle {pemPath} holds no certificates");
        return bundle;
    }

    /// <summary>
    /// Accepts a server certificate only if it names the host and chains to one of <paramref name="roots"/>;
    /// the bundle replaces the system store, as <c>requests verify=bundle</c> does in Foremast.
    /// </summary>
    public static bool ChainsToBundle(X509Certificate2 certificate, X509Chain? presentedChain, SslPolicyErrors errors, X509Certificate2Collection roots)
    {
        if ((errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0) return false;

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);

        // Same as the default HttpClient behaviour: no revocation lookups (internal CAs rarely publish CRLs).
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presentedChain is not null)
        {
            foreach (var element in presentedChain.ChainElements.Skip(1)) chain.ChainPolicy.ExtraStore.Add(element.Certificate);
        }

        return chain.Build(certificate);
    }
}
