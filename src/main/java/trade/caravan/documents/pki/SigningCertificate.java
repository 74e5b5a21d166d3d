package trade.caravan.documents.pki;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;

import javax.security.auth.x500.X500Principal;

import org.jspecify.annotations.Nullable;

/**
 * What can be shown of a signing certificate: never its key. {@code uploadedBy} and
 * {@code uploadedAt} are set for an uploaded one (the name of the authenticated principal: a user
 * id, or {@code token:<id>} for an API token).
 */
public record SigningCertificate(Source source, String subject, String issuer, String serial, Instant notBefore,
        Instant notAfter, @Nullable String uploadedBy, @Nullable Instant uploadedAt) {

    /** Who issued the certificate: the platform's CA, or an external CA whose certificate the organization uploaded. */
    public enum Source {
        PLATFORM, UPLOADED
    }

    static SigningCertificate of(X509Certificate certificate, Source source, @Nullable String uploadedBy,
            @Nullable Instant uploadedAt) {
        return new SigningCertificate(source, certificate.getSubjectX500Principal().getName(X500Principal.RFC2253),
                certificate.getIssuerX500Principal().getName(X500Principal.RFC2253), hex(certificate.getSerialNumber()),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(), uploadedBy, uploadedAt);
    }

    static String hex(BigInteger serial) {
        return serial.toString(16);
    }

    /** Whether it can sign at {@code at}. */
    public boolean validAt(Instant at) {
        return !at.isBefore(notBefore) && at.isBefore(notAfter);
    }
}
