package trade.caravan.documents.pki;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.security.auth.x500.X500Principal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import trade.caravan.platform.SecretBox;
import trade.caravan.shared.OrganizationId;

/**
 * Signing credentials organizations upload from an external CA as PKCS#12, checked on upload by
 * {@link UploadedCertificateCheck} and kept in {@code documents.uploaded_credentials}: the key
 * sealed under the data key and bound to its row, the chain as DER. One active credential per
 * organization: an upload replaces the previous one, and removing it makes the organization sign
 * with the platform's certificate again. The key is never returned by any method that leaves the
 * module's signing path.
 */
@Service
public class UploadedCredentials {

    private static final Logger log = LoggerFactory.getLogger(UploadedCredentials.class);
    private static final String CHAIN_ENCODING = "PkiPath";

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final PkiSettings settings;
    private final Clock clock;
    private final SecureRandom random;

    UploadedCredentials(JdbcClient jdbc, SecretBox secrets, PkiSettings settings, Clock clock, SecureRandom random) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Checks the PKCS#12 file and, when it passes, makes it the organization's signing credential
     * (replacing an earlier upload). The password array is wiped.
     *
     * @throws trade.caravan.platform.DomainException (kind INVALID) naming the first rule the file breaks
     */
    @Transactional
    public SigningCertificate upload(OrganizationId organization, String uploadedBy, byte[] pkcs12, char[] password) {
        Instant now = clock.instant();
        UploadedCertificateCheck.Checked checked;
        try {
            checked = UploadedCertificateCheck.check(pkcs12, password, now, settings.maxUploadBytes().toBytes(), random);
        } finally {
            Arrays.fill(password, '\0');
        }
        X509Certificate certificate = checked.chain().getFirst();
        lock(organization);
        retire(organization, uploadedBy, now);
        UUID id = UUID.randomUUID();
        byte[] pkcs8 = checked.key().getEncoded();
        try {
            jdbc.sql("""
                            insert into documents.uploaded_credentials (id, organization_id, chain, sealed_private_key,
                                serial, subject, issuer, not_before, not_after, uploaded_by, uploaded_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, organization.value(), encode(checked.chain()),
                            secrets.seal(pkcs8, CertificateAuthority.associated(associatedData(id))),
                            new java.math.BigDecimal(certificate.getSerialNumber()),
                            certificate.getSubjectX500Principal().getName(X500Principal.RFC2253),
                            certificate.getIssuerX500Principal().getName(X500Principal.RFC2253),
                            Timestamp.from(certificate.getNotBefore().toInstant()),
                            Timestamp.from(certificate.getNotAfter().toInstant()), uploadedBy, Timestamp.from(now))
                    .update();
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
        log.info("Signing certificate {} from {} uploaded for {} by {}", SigningCertificate.hex(certificate.getSerialNumber()),
                certificate.getIssuerX500Principal().getName(X500Principal.RFC2253), organization, uploadedBy);
        return SigningCertificate.of(certificate, SigningCertificate.Source.UPLOADED, uploadedBy, now);
    }

    /** Removes the organization's uploaded credential; false if it had none. */
    @Transactional
    public boolean remove(OrganizationId organization, String removedBy) {
        lock(organization);
        boolean removed = retire(organization, removedBy, clock.instant()) > 0;
        if (removed) {
            log.info("Uploaded signing certificate of {} removed by {}", organization, removedBy);
        }
        return removed;
    }

    /** The organization's uploaded certificate, whether or not it is valid now. */
    @Transactional(readOnly = true)
    public Optional<SigningCertificate> current(OrganizationId organization) {
        return jdbc.sql("""
                        select chain, uploaded_by, uploaded_at from documents.uploaded_credentials
                        where organization_id = ? and removed_at is null""")
                .param(organization.value())
                .query((rs, n) -> SigningCertificate.of(decode(rs.getBytes(1)).getFirst(), SigningCertificate.Source.UPLOADED,
                        rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    /** The organization's uploaded credential when it has one whose certificate is valid now. */
    @Transactional(readOnly = true)
    public Optional<SigningCredential> usable(OrganizationId organization) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                        select id, chain, sealed_private_key from documents.uploaded_credentials
                        where organization_id = ? and removed_at is null and not_before <= ? and not_after > ?""")
                .params(organization.value(), now, now)
                .query((rs, n) -> {
                    List<X509Certificate> chain = decode(rs.getBytes(2));
                    UUID id = rs.getObject(1, UUID.class);
                    return new SigningCredential(organization, privateKey(rs.getBytes(3), id, chain.getFirst()), chain);
                })
                .optional();
    }

    private void lock(OrganizationId organization) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
                .param("documents.uploaded_credentials:" + organization.value()).query().singleRow();
    }

    private int retire(OrganizationId organization, String by, Instant at) {
        return jdbc.sql("""
                        update documents.uploaded_credentials set removed_at = ?, removed_by = ?
                        where organization_id = ? and removed_at is null""")
                .params(Timestamp.from(at), by, organization.value()).update();
    }

    private PrivateKey privateKey(byte[] sealed, UUID id, X509Certificate certificate) {
        byte[] pkcs8 = secrets.open(sealed, CertificateAuthority.associated(associatedData(id)));
        try {
            return KeyFactory.getInstance(certificate.getPublicKey().getAlgorithm())
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored private key does not load", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private static String associatedData(UUID id) {
        return "documents.uploaded_credentials:" + id;
    }

    private static byte[] encode(List<X509Certificate> chain) {
        try {
            return CertificateFactory.getInstance("X.509").generateCertPath(chain).getEncoded(CHAIN_ENCODING);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encoding a certificate chain failed", e);
        }
    }

    private static List<X509Certificate> decode(byte[] der) {
        try {
            return CertificateFactory.getInstance("X.509").generateCertPath(new ByteArrayInputStream(der), CHAIN_ENCODING)
                    .getCertificates().stream().map(X509Certificate.class::cast).toList();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored certificate chain does not parse", e);
        }
    }
}
