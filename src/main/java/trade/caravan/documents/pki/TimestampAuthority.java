package trade.caravan.documents.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import trade.caravan.platform.SecretBox;

/**
 * The platform's RFC 3161 timestamp authority, for the signatures it makes (PAdES B-T and beyond):
 * given a request, it answers with a token that binds the request's digest to the current time,
 * signed with SHA-256 with ECDSA by a key whose certificate the platform CA issued with the
 * critical extended key usage id-kp-timeStamping. Only SHA-256, SHA-384 and SHA-512 imprints are
 * granted; anything else, or a request that does not parse, gets a rejection, never an exception.
 * Its key is sealed under the data key like the CA's, and replaced with the CA's.
 */
@Service
public class TimestampAuthority {

    /** The policy under which tokens are issued: an OID in the UUID arc of X.667 (2.25). */
    public static final String POLICY = "2.25.223542306011283591845125924219212718341";
    /** Requests larger than this are refused unparsed. */
    static final int MAX_REQUEST_BYTES = 8 * 1024;

    private static final Logger log = LoggerFactory.getLogger(TimestampAuthority.class);
    private static final Set<ASN1ObjectIdentifier> DIGESTS = Set.of(TSPAlgorithms.SHA256, TSPAlgorithms.SHA384,
            TSPAlgorithms.SHA512);

    private final CertificateAuthority ca;
    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final Clock clock;
    private final SecureRandom random;

    private record Tsa(String keyId, X509Certificate certificate, PrivateKey key, X509Certificate caCertificate) {
    }

    TimestampAuthority(CertificateAuthority ca, JdbcClient jdbc, SecretBox secrets, Clock clock, SecureRandom random) {
        this.ca = ca;
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
        this.random = random;
    }

    /** The DER-encoded TimeStampResp for a DER-encoded TimeStampReq: granted, or a rejection saying why. */
    @Transactional
    public byte[] respond(byte[] request) {
        try {
            Tsa tsa = current();
            var tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", tsa.key(), tsa.certificate()),
                    new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    new ASN1ObjectIdentifier(POLICY));
            tokens.addCertificates(new JcaCertStore(List.of(tsa.certificate(), tsa.caCertificate())));
            tokens.setAccuracySeconds(1);
            var responses = new TimeStampResponseGenerator(tokens, DIGESTS, Set.of(new ASN1ObjectIdentifier(POLICY)));
            BigInteger serial = new BigInteger(127, random);
            Date now = Date.from(clock.instant());
            TimeStampResponse response;
            if (request.length > MAX_REQUEST_BYTES) {
                response = responses.generateRejectedResponse(new TSPException("request too large"));
            } else {
                TimeStampRequest parsed;
                try {
                    parsed = new TimeStampRequest(request);
                } catch (IOException | RuntimeException notARequest) {
                    // BouncyCastle answers malformed DER with runtime exceptions of several kinds (even a NullPointerException)
                    return responses.generateRejectedResponse(new TSPException("not a timestamp request")).getEncoded();
                }
                response = responses.generate(parsed, serial, now);
            }
            return response.getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | TSPException e) {
            throw new IllegalStateException("The timestamp authority failed", e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The TSA's certificate chain, its own certificate first. */
    @Transactional
    public List<X509Certificate> chain() {
        Tsa tsa = current();
        return List.of(tsa.certificate(), tsa.caCertificate());
    }

    /**
     * The current TSA; made (or replaced) under an advisory lock, which finding it does not take (as
     * for the CA: the lock would last the caller's whole transaction). Its key is unsealed, and its
     * certificate checked against the CA, once per process.
     */
    private Tsa current() {
        CertificateAuthority.Ca authority = ca.current();
        Optional<Tsa> existing = existing(authority);
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtext('documents.tsa_keys'))").query().singleRow();
        existing = existing(authority);
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        jdbc.sql("update documents.tsa_keys set retired_at = ? where retired_at is null").param(Timestamp.from(now)).update();
        try {
            KeyPair pair = ca.ecKeyPair();
            X509Certificate certificate = ca.certify(authority, new X500NameBuilder(BCStyle.INSTANCE)
                            .addRDN(BCStyle.O, "Caravan").addRDN(BCStyle.CN, "Caravan Timestamp Authority").build(),
                    pair.getPublic(), authority.certificate().getNotAfter().toInstant(), true);
            String keyId = HexFormat.of().formatHex(new JcaX509ExtensionUtils()
                    .createSubjectKeyIdentifier(pair.getPublic()).getKeyIdentifier());
            jdbc.sql("""
                            insert into documents.tsa_keys (key_id, certificate, sealed_private_key, created_at)
                            values (?, ?, ?, ?)""")
                    .params(keyId, certificate.getEncoded(), secrets.seal(pair.getPrivate().getEncoded(),
                            CertificateAuthority.associated("documents.tsa_keys:" + keyId)), Timestamp.from(now))
                    .update();
            log.info("Timestamp authority {} made, certified until {}", keyId, certificate.getNotAfter().toInstant());
            return new Tsa(keyId, certificate, pair.getPrivate(), authority.certificate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Making the timestamp authority failed", e);
        }
    }

    private Optional<Tsa> existing(CertificateAuthority.Ca authority) {
        return jdbc.sql("""
                        select key_id, certificate, sealed_private_key from documents.tsa_keys where retired_at is null""")
                .query((rs, n) -> new StoredTsa(rs.getString(1), rs.getBytes(2), rs.getBytes(3)))
                .optional()
                .flatMap(stored -> opened(stored, authority))
                // a TSA certificate from a retired CA, or about to expire, makes way for a new one
                .filter(tsa -> tsa.certificate().getNotAfter().toInstant().isAfter(clock.instant().plus(java.time.Duration.ofDays(30))));
    }

    private record StoredTsa(String keyId, byte[] certificate, byte[] sealed) {
    }

    /**
     * The stored TSA opened: from this process's cache when the row and the CA are the ones it was
     * opened with, else unsealed, checked against the CA (empty when the CA did not certify it) and cached.
     */
    private Optional<Tsa> opened(StoredTsa stored, CertificateAuthority.Ca authority) {
        Opened known = opened;
        if (known != null && Arrays.equals(known.certificate(), stored.certificate())
                && Arrays.equals(known.sealed(), stored.sealed()) && known.tsa().caCertificate().equals(authority.certificate())) {
            return Optional.of(known.tsa());
        }
        Tsa tsa = new Tsa(stored.keyId(), ca.certificate(stored.certificate()),
                ca.privateKey(stored.sealed(), "documents.tsa_keys:" + stored.keyId()), authority.certificate());
        if (!tsa.certificate().getIssuerX500Principal().equals(authority.certificate().getSubjectX500Principal())
                || !verifiesWith(tsa.certificate(), authority.certificate())) {
            return Optional.empty();
        }
        opened = new Opened(stored.certificate(), stored.sealed(), tsa);
        return Optional.of(tsa);
    }

    /** The TSA key unsealed in this process, with the stored bytes it came from. */
    private record Opened(byte[] certificate, byte[] sealed, Tsa tsa) {
    }

    private volatile @org.jspecify.annotations.Nullable Opened opened;

    private static boolean verifiesWith(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
