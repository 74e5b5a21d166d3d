package trade.caravan.documents.pki;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code caravan.pki.*}: the CA's distinguished name ({@code ca-name}); how long the CA key and
 * certificate serve before the next start replaces them ({@code ca-lifetime}; certificates it
 * issued stay valid under the old one until they expire); how long an organization's signing
 * certificate is valid ({@code certificate-lifetime}); how long a published CRL is current
 * ({@code crl-validity}); the roots of external CAs whose signatures this installation's
 * verification trusts besides its own CA ({@code trusted-roots}: PEM files, or directories of them;
 * none by default); the largest PKCS#12 file an organization may upload
 * ({@code max-upload-bytes}); how long the signer waits for an external CA's CRL or OCSP responder
 * ({@code revocation-timeout}), and whether it may fetch them from loopback or private network
 * addresses ({@code revocation-private-addresses}, off: the URLs come from uploaded certificates).
 */
@ConfigurationProperties("caravan.pki")
record PkiSettings(@DefaultValue("CN=Caravan Document Signing CA,O=Caravan") String caName,
        @DefaultValue("P3650D") Duration caLifetime, @DefaultValue("P730D") Duration certificateLifetime,
        @DefaultValue("P1D") Duration crlValidity, @DefaultValue List<String> trustedRoots,
        @DefaultValue("64KB") DataSize maxUploadBytes, @DefaultValue("5s") Duration revocationTimeout,
        @DefaultValue("false") boolean revocationPrivateAddresses) {

    PkiSettings {
        if (caLifetime.compareTo(certificateLifetime) <= 0 || crlValidity.isNegative() || crlValidity.isZero()) {
            throw new IllegalArgumentException("caravan.pki: the CA must outlive the certificates it issues, and a CRL must be valid for a while");
        }
        trustedRoots = List.copyOf(trustedRoots);
    }
}
