namespace Foremast.Spinnaker.Gate;

/// <summary>Builds the HTTP handler for Gate: client certificate, CA bundle, or (only when asked) no verification.</summary>
public static class GateHttpHandlerFactory
{
    public static SocketsHttpHandler Create(GateOptions options)
    {
        // No ConnectTimeout here: the resilience pipeline's per-attempt timeout covers connecting too, and turns
        // it into a retry rather than a bare cancellation.
        var handler = new SocketsHttpHandler
        {
            // Connections are recycled so a Gate behind DNS-based failover is re-resolved.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };

        if (options.ClientCertificatePath is { Length: > 0 } certPath)
        {
            var certificate = GateTls.LoadClientCertificate(certPath);
            handler.SslOptions.ClientCertificates = [certificate];

            // Present the certificate even if the server's CA hint list does not name its issuer.
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate;
        }

        if (options.InsecureSkipTlsVerify)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
        else if (options.CaBundlePath is { Length: > 0 } caPath)
        {
            var roots = GateTls.LoadCaBundle(caPath);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                certificate is System.Security.Cryptography.X509Certificates.X509Certificate2 cert && GateTls.ChainsToBundle(cert, chain, errors, roots);
        }

        return handler;
    }
}
