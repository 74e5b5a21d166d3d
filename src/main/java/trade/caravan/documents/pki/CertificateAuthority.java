package trade.caravan.documents.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import trade.caravan.platform.Links;
import trade.caravan.platform.SecretBox;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.OrganizationId;

/**
 * The platform's own certificate authority (EC P-256, SHA-256 with ECDSA). Its key is made on
 * first use, sealed under the data key in {@code documents.ca_keys}, and replaced at the first use
 * after {@code caravan.pki.ca-lifetime}. Each organization gets one signing certificate at a time,
 * issued on first use: key usage digital signature and non-repudiation, the CRL distribution point
 * and the CA's certificate URL under {@code caravan.public-url}; its key is sealed the same way.
 * Revoking it publishes it in the CRL, and the next use issues a new one.
 */
@Service
public class CertificateAuthority {

    private static final Logger log = LoggerFactory.getLogger(CertificateAuthority.class);
    private static final String SIGNATURE = "SHA256withECDSA";

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final Links links;
    private final PkiSettings settings;
    private final Clock clock;
    /** CA keys already unsealed in this process, by key id (a handful over an installation's life). */
    private final java.util.Map<String, Opened> opened = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong revocations = new java.util.concurrent.atomic.AtomicLong();

    /** An unsealed CA and the stored bytes it came from. */
    private record Opened(byte[] certificate, byte[] sealed, Ca ca) {
    }
    private final SecureRandom random;
    private final CertificateFactory certificates;

    /** The CA's current key and certificate. */
    record Ca(String keyId, X509Certificate certificate, PrivateKey key) {
    }

    CertificateAuthority(JdbcClient jdbc, SecretBox secrets, Links links, PkiSettings settings, Clock clock,
            SecureRandom random) throws GeneralSecurityException {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.links = links;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
        this.certificates = CertificateFactory.getInstance("X.509");
    }

    /** The CA certificate organizations' certificates chain to: the trust anchor verifiers import. */
    @Transactional
    public X509Certificate caCertificate() {
        return current().certificate();
    }

    /** Every CA certificate this installation has used, the current one last. */
    @Transactional(readOnly = true)
    public List<X509Certificate> caCertificates() {
        return jdbc.sql("select certificate from documents.ca_keys order by created_at")
                .query((rs, n) -> certificate(rs.getBytes(1))).list();
    }

    /** The organization's signing credential; a certificate is issued if it has no usable one. */
    @Transactional
    public SigningCredential credentialOf(OrganizationId organization, String legalName, CountryCode country) {
        Ca ca = current();
        Instant now = clock.instant();
        // no row lock on the way to a usable certificate: it would last the whole signing transaction
        // and make one organization's signatures wait for each other; issuing takes a lock of its own
        Optional<SigningCredential> existing = usable(ca, organization, now);
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("documents.signing_certificates:" + organization)
                .query().singleRow();
        existing = usable(ca, organization, now);
        if (existing.isPresent()) {
            return existing.get();
        }
        // a certificate that is about to expire, or from a retired CA, makes way for a new one
        jdbc.sql("""
                        update documents.signing_certificates set revoked_at = ?, revocation_reason = 4
                        where organization_id = ? and revoked_at is null""")
                .params(Timestamp.from(now), organization.value()).update();
        return issue(ca, organization, legalName, country, now);
    }

    private Optional<SigningCredential> usable(Ca ca, OrganizationId organization, Instant now) {
        return jdbc.sql("""
                        select certificate, sealed_private_key, serial from documents.signing_certificates
                        where organization_id = ? and revoked_at is null and not_after > ? and ca_key_id = ?""")
                .params(organization.value(), Timestamp.from(now.plus(30, ChronoUnit.DAYS)), ca.keyId())
                .query((rs, n) -> new SigningCredential(organization,
                        privateKey(rs.getBytes(2), "documents.signing_certificates:" + rs.getBigDecimal(3).toBigInteger()),
                        List.of(certificate(rs.getBytes(1)), ca.certificate())))
                .optional();
    }

    /**
     * The organization's current platform-issued certificate, if one was issued and is unrevoked and
     * unexpired; unlike {@link #credentialOf} it issues nothing and opens no key.
     */
    @Transactional(readOnly = true)
    public Optional<X509Certificate> currentCertificateOf(OrganizationId organization) {
        return jdbc.sql("""
                        select certificate from documents.signing_certificates
                        where organization_id = ? and revoked_at is null and not_after > ?""")
                .params(organization.value(), Timestamp.from(clock.instant()))
                .query((rs, n) -> certificate(rs.getBytes(1))).optional();
    }

    /** How many revocations this process has made: caches of the CRL start again when it changes. */
    public long revocationsInThisProcess() {
        return revocations.get();
    }

    /** Revokes the organization's current certificate as of {@code at} (RFC 5280 reason code). */
    @Transactional
    public Optional<BigInteger> revoke(OrganizationId organization, Instant at, int reason) {
        // counted once the revocation is committed, so that a CRL made in between is not kept as current
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            revocations.incrementAndGet();
                        }
                    });
        } else {
            revocations.incrementAndGet();
        }
        List<java.math.BigDecimal> revoked = jdbc.sql("""
                        update documents.signing_certificates set revoked_at = ?, revocation_reason = ?
                        where organization_id = ? and revoked_at is null returning serial""")
                .params(Timestamp.from(at), reason, organization.value())
                .query((rs, n) -> rs.getBigDecimal(1)).list();
        revoked.forEach(serial -> log.info("Signing certificate {} of {} revoked as of {}", serial.toBigInteger().toString(16),
                organization, at));
        return revoked.stream().findFirst().map(java.math.BigDecimal::toBigInteger);
    }

    /** The current CRL of the current CA, DER, signed now, valid for {@code caravan.pki.crl-validity}. */
    @Transactional
    public byte[] crl() {
        Ca ca = current();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        try {
            var builder = new X509v2CRLBuilder(X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
                    Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(settings.crlValidity())));
            jdbc.sql("""
                            select serial, revoked_at, revocation_reason from documents.signing_certificates
                            where ca_key_id = ? and revoked_at is not null order by serial""")
                    .param(ca.keyId())
                    .query((rs, n) -> {
                        builder.addCRLEntry(rs.getBigDecimal(1).toBigInteger(), rs.getTimestamp(2), rs.getInt(3));
                        return null;
                    }).list();
            var utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(ca.certificate()));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.getEpochSecond())));
            X509CRLHolder holder = builder.build(signer(ca.key()));
            return holder.getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Signing the CRL failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CRL parsed, for callers that check revocation in process. */
    public X509CRL parsedCrl() {
        try {
            return (X509CRL) certificates.generateCRL(new java.io.ByteArrayInputStream(crl()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SigningCredential issue(Ca ca, OrganizationId organization, String legalName, CountryCode country,
            Instant now) {
        try {
            KeyPair pair = ecKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, country.value())
                    .addRDN(BCStyle.O, legalName)
                    .addRDN(BCStyle.ORGANIZATION_IDENTIFIER, "CARAVAN-" + organization.value())
                    .addRDN(BCStyle.CN, legalName)
                    .build();
            X509Certificate certificate = certify(ca, subject, pair.getPublic(), now.plus(settings.certificateLifetime()),
                    false);
            BigInteger serial = certificate.getSerialNumber();
            jdbc.sql("""
                            insert into documents.signing_certificates (serial, organization_id, ca_key_id, certificate,
                                sealed_private_key, issued_at, not_after) values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(new java.math.BigDecimal(serial), organization.value(), ca.keyId(), certificate.getEncoded(),
                            secrets.seal(pair.getPrivate().getEncoded(), associated("documents.signing_certificates:" + serial)),
                            Timestamp.from(now), Timestamp.from(certificate.getNotAfter().toInstant()))
                    .update();
            log.info("Signing certificate {} issued to {} until {}", serial.toString(16), organization,
                    certificate.getNotAfter().toInstant());
            return new SigningCredential(organization, pair.getPrivate(), List.of(certificate, ca.certificate()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Issuing a signing certificate failed", e);
        }
    }

    /**
     * A certificate for {@code key} signed by the CA, valid until {@code notAfter} (never beyond the
     * CA's own): an end entity with key usage digital signature and non-repudiation, the CRL
     * distribution point and the CA's certificate URL; for a timestamp authority, also the critical
     * extended key usage id-kp-timeStamping that RFC 3161 requires.
     */
    X509Certificate certify(Ca ca, X500Name subject, java.security.PublicKey key, Instant notAfter, boolean timeStamping) {
        try {
            Instant now = clock.instant();
            BigInteger serial = new BigInteger(127, random).setBit(126);
            Instant notBefore = now.truncatedTo(ChronoUnit.SECONDS).minus(5, ChronoUnit.MINUTES);
            var builder = new X509v3CertificateBuilder(
                    X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), serial,
                    Date.from(notBefore), Date.from(min(notAfter, ca.certificate().getNotAfter().toInstant())), subject,
                    SubjectPublicKeyInfo.getInstance(key.getEncoded()));
            var utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            if (timeStamping) {
                builder.addExtension(Extension.extendedKeyUsage, true,
                        new org.bouncycastle.asn1.x509.ExtendedKeyUsage(org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_timeStamping));
            }
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(ca.certificate()));
            builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(new GeneralNames(
                            new GeneralName(GeneralName.uniformResourceIdentifier, links.absolute("/pki/crl")))), null, null)}));
            builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                    new AccessDescription(AccessDescription.id_ad_caIssuers,
                            new GeneralName(GeneralName.uniformResourceIdentifier, links.absolute("/pki/ca.crt")))));
            return certificate(builder.build(signer(ca.key())).getEncoded());
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Issuing a certificate failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The current CA; made (or replaced, once past its lifetime) under an advisory lock, in a
     * transaction. Finding the current one takes no lock: the lock is held to the end of the
     * caller's transaction, and a signature's transaction is long (it signs, timestamps, logs), so
     * taking it on every use made all signing one at a time. A CA key is unsealed once per process.
     */
    Ca current() {
        Instant now = clock.instant();
        Optional<Ca> ca = currentRow(now);
        if (ca.isPresent()) {
            return ca.get();
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtext('documents.ca_keys'))").query().singleRow();
        ca = currentRow(now);
        if (ca.isPresent()) {
            return ca.get();
        }
        jdbc.sql("update documents.ca_keys set retired_at = ? where retired_at is null").param(Timestamp.from(now)).update();
        return makeCa(now);
    }

    private Optional<Ca> currentRow(Instant now) {
        return jdbc.sql("""
                        select key_id, certificate, sealed_private_key from documents.ca_keys
                        where retired_at is null and created_at > ?""")
                .param(Timestamp.from(now.minus(settings.caLifetime())))
                .query((rs, n) -> {
                    String keyId = rs.getString(1);
                    byte[] certificate = rs.getBytes(2);
                    byte[] sealed = rs.getBytes(3);
                    Opened known = opened.get(keyId);
                    // the cached key only for exactly the row it was opened from
                    if (known != null && java.util.Arrays.equals(known.certificate(), certificate)
                            && java.util.Arrays.equals(known.sealed(), sealed)) {
                        return known.ca();
                    }
                    Ca fresh = new Ca(keyId, certificate(certificate), privateKey(sealed, "documents.ca_keys:" + keyId));
                    opened.put(keyId, new Opened(certificate, sealed, fresh));
                    return fresh;
                })
                .optional();
    }

    private Ca makeCa(Instant now) {
        try {
            KeyPair pair = ecKeyPair();
            X500Name name = new X500Name(settings.caName());
            Instant notBefore = now.truncatedTo(ChronoUnit.SECONDS).minus(5, ChronoUnit.MINUTES);
            var builder = new X509v3CertificateBuilder(name, new BigInteger(127, random).setBit(126),
                    Date.from(notBefore), Date.from(now.plus(settings.caLifetime())), name,
                    SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()));
            var utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()));
            X509CertificateHolder holder = builder.build(signer(pair.getPrivate()));
            X509Certificate certificate = certificate(holder.getEncoded());
            String keyId = HexFormat.of().formatHex(utils.createSubjectKeyIdentifier(pair.getPublic()).getKeyIdentifier());
            jdbc.sql("""
                            insert into documents.ca_keys (key_id, certificate, sealed_private_key, created_at)
                            values (?, ?, ?, ?)""")
                    .params(keyId, certificate.getEncoded(),
                            secrets.seal(pair.getPrivate().getEncoded(), associated("documents.ca_keys:" + keyId)),
                            Timestamp.from(now))
                    .update();
            log.info("Certificate authority {} made: {}", keyId, certificate.getSubjectX500Principal());
            return new Ca(keyId, certificate, pair.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Making the certificate authority failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        return generator.generateKeyPair();
    }

    private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        return new JcaContentSignerBuilder(SIGNATURE).build(key);
    }

    X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) certificates.generateCertificate(new java.io.ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored certificate does not parse", e);
        }
    }

    PrivateKey privateKey(byte[] sealed, String associatedData) {
        byte[] pkcs8 = secrets.open(sealed, associated(associatedData));
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored private key does not load", e);
        } finally {
            java.util.Arrays.fill(pkcs8, (byte) 0);
        }
    }

    static byte[] associated(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
