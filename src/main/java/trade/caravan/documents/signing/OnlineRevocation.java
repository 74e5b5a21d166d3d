package trade.caravan.documents.signing;

import java.io.IOException;
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
import eu.europa.esig.dss.spi.client.http.NativeHTTPDataLoader;
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
 * not carry), on DSS's own JDK data loader: HTTP(S) only (the URLs come from an uploaded
 * certificate, so {@code file:} and others are never opened), short timeouts, at most 1 MiB per answer.
 * A source that fails is logged and skipped: DSS then reports the revocation data missing.
 */
final class OnlineRevocation {

    private static final Logger log = LoggerFactory.getLogger(OnlineRevocation.class);
    private static final int MAX_RESPONSE_BYTES = 1024 * 1024;

    private OnlineRevocation() {
    }

    static NativeHTTPDataLoader dataLoader(Duration timeout, @Nullable String contentType) {
        var loader = new NativeHTTPDataLoader();
        loader.setConnectTimeout((int) timeout.toMillis());
        loader.setReadTimeout((int) timeout.toMillis());
        loader.setMaxInputSize(MAX_RESPONSE_BYTES);
        if (contentType != null) {
            loader.setContentType(contentType);
        }
        return loader;
    }

    static boolean fetchable(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** The CRL from the certificate's distribution points, as DSS's {@code OnlineCRLSource}. */
    record Crl(NativeHTTPDataLoader loader) implements RevocationSource<CRL> {

        Crl(Duration timeout) {
            this(dataLoader(timeout, null));
        }

        @Override
        public @Nullable RevocationToken<CRL> getRevocationToken(CertificateToken certificate, CertificateToken issuer) {
            List<String> urls = CertificateExtensionsUtils.getCRLAccessUrls(certificate);
            for (String url : urls) {
                if (!fetchable(url)) {
                    continue;
                }
                try {
                    byte[] der = loader.get(url);
                    RevocationToken<CRL> token = new ExternalResourcesCRLSource(new InMemoryDocument(der))
                            .getRevocationToken(certificate, issuer);
                    if (token != null) {
                        token.setSourceURL(url);
                        return token;
                    }
                } catch (RuntimeException e) {
                    log.warn("No CRL for {} from {}: {}", certificate.getSubject().getRFC2253(), url, e.toString());
                }
            }
            return null;
        }
    }

    /** An OCSP answer from the responder in the certificate's AIA, as DSS's {@code OnlineOCSPSource}. */
    record Ocsp(NativeHTTPDataLoader loader) implements RevocationSource<OCSP> {

        Ocsp(Duration timeout) {
            this(dataLoader(timeout, "application/ocsp-request"));
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
                    OCSPResp response = new OCSPResp(loader.post(url, request.getEncoded()));
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
