package trade.caravan.documents.signing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.model.x509.revocation.crl.CRL;
import eu.europa.esig.dss.model.x509.revocation.ocsp.OCSP;
import eu.europa.esig.dss.spi.CertificateExtensionsUtils;
import eu.europa.esig.dss.spi.DSSRevocationUtils;
import eu.europa.esig.dss.spi.x509.revocation.RevocationSource;
import eu.europa.esig.dss.spi.x509.revocation.RevocationToken;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.spi.x509.revocation.ocsp.OCSPToken;

import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;

/**
 * Revocation data for certificates an external CA issued, fetched when DSS asks for it while
 * extending a signature to B-LT: the CRL at the certificate's distribution points, or an answer
 * from the OCSP responder named in its authority information access. The role of DSS's
 * {@code OnlineCRLSource} and {@code OnlineOCSPSource} (module dss-service, which this build does
 * not carry; DSS's JDK data loader cannot set the OCSP request's content type), on the JDK's HTTP
 * client: HTTP(S) only (the URLs come from an uploaded
 * certificate, so {@code file:} and others are never opened), no private addresses (see
 * {@link #refusePrivate}), no redirects, short timeouts, at most 1 MiB per answer.
 * A source that fails is logged and skipped: DSS then reports the revocation data missing.
 */
final class OnlineRevocation {

    private static final Logger log = LoggerFactory.getLogger(OnlineRevocation.class);
    private static final int MAX_RESPONSE_BYTES = 1024 * 1024;

    private OnlineRevocation() {
    }

    /** GETs or POSTs over HTTP(S) only, within the timeout, reading at most {@link #MAX_RESPONSE_BYTES}. */
    record Http(HttpClient client, Duration timeout, boolean privateAddresses) {

        Http(Duration timeout, boolean privateAddresses) {
            // no redirects: each would need the address check again
            this(HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build(),
                    timeout, privateAddresses);
        }

        byte[] get(String url) throws IOException {
            return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build());
        }

        byte[] post(String url, String contentType, byte[] body) throws IOException {
            return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        }

        private byte[] send(HttpRequest request) throws IOException {
            if (!privateAddresses) {
                refusePrivate(request.uri());
            }
            try {
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    if (response.statusCode() != 200) {
                        throw new IOException("HTTP " + response.statusCode());
                    }
                    byte[] read = body.readNBytes(MAX_RESPONSE_BYTES + 1);
                    if (read.length > MAX_RESPONSE_BYTES) {
                        throw new IOException("answer larger than " + MAX_RESPONSE_BYTES + " bytes");
                    }
                    return read;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    /**
     * The URLs come from a certificate an organization uploaded, and anyone can make a CA: without
     * this, signing would make the server fetch addresses inside its own network (metadata services,
     * admin ports). Loopback, link-local, site-local, unique-local, wildcard and multicast addresses
     * are refused unless {@code caravan.pki.revocation-private-addresses} allows them (tests, or an
     * in-house CA on the local network). The name is resolved again when connecting, so a DNS answer
     * that changes in between is not caught.
     */
    static void refusePrivate(URI uri) throws IOException {
        String host = uri.getHost();
        if (host == null) {
            throw new IOException("no host");
        }
        for (InetAddress address : InetAddress.getAllByName(host)) {
            byte[] bytes = address.getAddress();
            boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
            if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                    || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocal) {
                throw new IOException("refused to fetch from the private address " + address.getHostAddress());
            }
        }
    }

    static boolean fetchable(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** The CRL from the certificate's distribution points, as DSS's {@code OnlineCRLSource}. */
    record Crl(Http http) implements RevocationSource<CRL> {

        Crl(Duration timeout, boolean privateAddresses) {
            this(new Http(timeout, privateAddresses));
        }

        @Override
        public @Nullable RevocationToken<CRL> getRevocationToken(CertificateToken certificate, CertificateToken issuer) {
            List<String> urls = CertificateExtensionsUtils.getCRLAccessUrls(certificate);
            for (String url : urls) {
                if (!fetchable(url)) {
                    continue;
                }
                try {
                    byte[] der = http.get(url);
                    RevocationToken<CRL> token = new ExternalResourcesCRLSource(new InMemoryDocument(der))
                            .getRevocationToken(certificate, issuer);
                    if (token != null) {
                        token.setSourceURL(url);
                        return token;
                    }
                } catch (IOException | RuntimeException e) {
                    log.warn("No CRL for {} from {}: {}", certificate.getSubject().getRFC2253(), url, e.toString());
                }
            }
            return null;
        }
    }

    /** An OCSP answer from the responder in the certificate's AIA, as DSS's {@code OnlineOCSPSource}. */
    record Ocsp(Http http) implements RevocationSource<OCSP> {

        Ocsp(Duration timeout, boolean privateAddresses) {
            this(new Http(timeout, privateAddresses));
        }

        @Override
        public @Nullable RevocationToken<OCSP> getRevocationToken(CertificateToken certificate, CertificateToken issuer) {
            for (String url : CertificateExtensionsUtils.getOCSPAccessUrls(certificate)) {
                if (!fetchable(url)) {
                    continue;
                }
                try {
                    var request = new OCSPReqBuilder()
                            .addRequest(DSSRevocationUtils.getOCSPCertificateID(certificate, issuer, DigestAlgorithm.SHA1))
                            .build();
                    OCSPResp response = new OCSPResp(http.post(url, "application/ocsp-request", request.getEncoded()));
                    if (response.getStatus() != OCSPResp.SUCCESSFUL
                            || !(response.getResponseObject() instanceof BasicOCSPResp basic)) {
                        log.warn("OCSP responder {} answered status {} for {}", url, response.getStatus(),
                                certificate.getSubject().getRFC2253());
                        continue;
                    }
                    SingleResp single = DSSRevocationUtils.getLatestSingleResponse(basic, certificate, issuer);
                    if (single != null) {
                        var token = new OCSPToken(basic, single, certificate, issuer);
                        token.setSourceURL(url);
                        return token;
                    }
                } catch (IOException | OCSPException | RuntimeException e) {
                    log.warn("No OCSP answer for {} from {}: {}", certificate.getSubject().getRFC2253(), url, e.toString());
                }
            }
            return null;
        }
    }
}
