package trade.caravan.documents.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertPathValidator;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The rules an uploaded PKCS#12 file must meet before an organization may sign with it. The file is
 * hostile until proven otherwise: every failure to parse, open or check it is a
 * {@link CertificateRefused} with its own message code, never an exception that escapes as a 500.
 * Checked in this order, the first broken rule answers:
 * <ol>
 * <li>present and at most {@code caravan.pki.max-upload-bytes} ({@code error.certificate.missing},
 * {@code error.certificate.too-large});</li>
 * <li>a PKCS#12 file ({@code error.certificate.unreadable}) whose key derivations ask for at most
 * {@value #MAX_ITERATIONS} iterations each ({@code error.certificate.iterations}), and that opens with
 * the password ({@code error.certificate.password});</li>
 * <li>exactly one private key, with its certificate ({@code error.certificate.key-count},
 * {@code error.certificate.no-certificate});</li>
 * <li>the key is EC P-256 or P-384, or RSA of at least 2048 bits ({@code error.certificate.key-type});</li>
 * <li>the key and the certificate belong together: a random challenge signed by the key verifies
 * with the certificate ({@code error.certificate.key-mismatch});</li>
 * <li>the certificate is valid now ({@code error.certificate.not-valid}) and for 30 more days
 * ({@code error.certificate.expires-soon}: refused, not warned, because the platform replaces its own
 * certificates 30 days before they expire, and a signature made with a certificate that lapses days
 * later is of little use to a counterparty);</li>
 * <li>it is not a CA certificate ({@code error.certificate.ca-certificate});</li>
 * <li>its key usage, when present, allows digital signature or non-repudiation
 * ({@code error.certificate.key-usage});</li>
 * <li>its subject names an organization, O ({@code error.certificate.no-organization});</li>
 * <li>no certificate in the chain is signed with MD2, MD5 or SHA-1 ({@code error.certificate.weak-algorithm});
 * the root's signature on itself is not counted, as no validator relies on it;</li>
 * <li>the chain in the file builds to a self-signed root by PKIX, without revocation checking
 * ({@code error.certificate.chain}); a lone self-signed certificate is no chain.</li>
 * </ol>
 */
final class UploadedCertificateCheck {

    static final Duration MIN_REMAINING_VALIDITY = Duration.ofDays(30);
    static final int MAX_ITERATIONS = 1_000_000;
    private static final int MAX_DEPTH = 24;

    /** Signature algorithm OIDs too weak to trust: md2/md5/sha1WithRSA, ecdsa-with-SHA1, dsa-with-sha1. */
    private static final Set<String> WEAK_SIGNATURES = Set.of("1.2.840.113549.1.1.2", "1.2.840.113549.1.1.4",
            "1.2.840.113549.1.1.5", "1.2.840.10045.4.1", "1.2.840.10040.4.3", "1.3.14.3.2.29");

    private static final List<ECParameterSpec> CURVES = List.of(curve("secp256r1"), curve("secp384r1"));

    /** A key and its chain, the organization's certificate first and the self-signed root last. */
    record Checked(PrivateKey key, List<X509Certificate> chain) {

        Checked {
            chain = List.copyOf(chain);
        }
    }

    private UploadedCertificateCheck() {
    }

    static Checked check(byte[] pkcs12, char[] password, Instant now, long maxBytes, SecureRandom random) {
        if (pkcs12.length == 0) {
            throw new CertificateRefused("error.certificate.missing");
        }
        if (pkcs12.length > maxBytes) {
            throw new CertificateRefused("error.certificate.too-large", maxBytes / 1024);
        }
        boundedWork(pkcs12);
        KeyStore store = open(pkcs12, password);
        String alias = onlyKeyEntry(store);
        PrivateKey key = key(store, alias, password);
        List<X509Certificate> chain = chain(store, alias);
        X509Certificate certificate = chain.getFirst();

        acceptableKey(key, certificate.getPublicKey());
        matches(key, certificate.getPublicKey(), random);
        valid(certificate, now);
        if (certificate.getBasicConstraints() != -1) {
            throw new CertificateRefused("error.certificate.ca-certificate");
        }
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && !(usage.length > 1 && (usage[0] || usage[1]))) {
            throw new CertificateRefused("error.certificate.key-usage");
        }
        if (X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.O).length == 0) {
            throw new CertificateRefused("error.certificate.no-organization");
        }
        for (int i = 0; i < chain.size() - 1; i++) {
            if (WEAK_SIGNATURES.contains(chain.get(i).getSigAlgOID())) {
                throw new CertificateRefused("error.certificate.weak-algorithm",
                        chain.get(i).getSubjectX500Principal().getName(X500Principal.RFC2253), chain.get(i).getSigAlgName());
            }
        }
        buildsToRoot(chain, now);
        return new Checked(key, chain);
    }

    /**
     * Refuses a file whose password-based key derivation (its MAC, PBKDF2 or PKCS#12 PBE parameters
     * anywhere inside, nested content included) asks for more than {@link #MAX_ITERATIONS}
     * iterations: a few megabytes of hostile parameters would otherwise keep a core busy for seconds
     * per upload. Common tools use 2,048 (OpenSSL) to 10,000 (the JDK).
     */
    static void boundedWork(byte[] pkcs12) {
        try {
            ASN1Primitive root = ASN1Primitive.fromByteArray(pkcs12);
            MacData mac = Pfx.getInstance(root).getMacData();
            if (mac != null) {
                checkIterations(mac.getIterationCount());
            }
            walk(root, 0);
        } catch (CertificateRefused refused) {
            throw refused;
        } catch (IOException | RuntimeException e) {
            throw new CertificateRefused("error.certificate.unreadable");
        }
    }

    private static void walk(ASN1Encodable node, int depth) {
        if (depth > MAX_DEPTH) {
            throw new CertificateRefused("error.certificate.unreadable");
        }
        switch (node.toASN1Primitive()) {
            case ASN1Sequence sequence -> {
                if (sequence.size() >= 2 && sequence.getObjectAt(0) instanceof ASN1ObjectIdentifier algorithm) {
                    if (algorithm.equals(PKCSObjectIdentifiers.id_PBKDF2)) {
                        checkIterations(PBKDF2Params.getInstance(sequence.getObjectAt(1)).getIterationCount());
                    } else if (algorithm.on(PKCSObjectIdentifiers.pkcs_12PbeIds)) {
                        checkIterations(PKCS12PBEParams.getInstance(sequence.getObjectAt(1)).getIterations());
                    }
                }
                for (ASN1Encodable element : sequence) {
                    walk(element, depth + 1);
                }
            }
            case ASN1Set set -> {
                for (ASN1Encodable element : set) {
                    walk(element, depth + 1);
                }
            }
            case ASN1TaggedObject tagged -> walk(tagged.getBaseObject(), depth + 1);
            case ASN1OctetString octets -> {
                byte[] content = octets.getOctets();
                // safe contents and bags travel DER-encoded inside octet strings
                if (content.length > 1 && content[0] == 0x30) {
                    ASN1Primitive nested;
                    try {
                        nested = ASN1Primitive.fromByteArray(content);
                    } catch (IOException | RuntimeException notDer) {
                        return;
                    }
                    walk(nested, depth + 1);
                }
            }
            default -> {
                // leaves: integers, strings, identifiers
            }
        }
    }

    private static void checkIterations(java.math.BigInteger iterations) {
        if (iterations.signum() <= 0 || iterations.compareTo(java.math.BigInteger.valueOf(MAX_ITERATIONS)) > 0) {
            throw new CertificateRefused("error.certificate.iterations", MAX_ITERATIONS);
        }
    }

    private static KeyStore open(byte[] pkcs12, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(pkcs12), password);
            return store;
        } catch (IOException e) {
            if (hasCause(e, UnrecoverableKeyException.class) || hasCause(e, javax.crypto.BadPaddingException.class)) {
                throw new CertificateRefused("error.certificate.password");
            }
            throw new CertificateRefused("error.certificate.unreadable");
        } catch (GeneralSecurityException | RuntimeException e) {
            // a hostile file can make any parser throw anything; none of it is the user's to see
            throw new CertificateRefused("error.certificate.unreadable");
        }
    }

    private static String onlyKeyEntry(KeyStore store) {
        try {
            List<String> keys = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keys.add(alias);
                }
            }
            if (keys.size() != 1) {
                throw new CertificateRefused("error.certificate.key-count", keys.size());
            }
            return keys.getFirst();
        } catch (GeneralSecurityException e) {
            throw new CertificateRefused("error.certificate.unreadable");
        }
    }

    private static PrivateKey key(KeyStore store, String alias, char[] password) {
        try {
            Key key = store.getKey(alias, password);
            if (key instanceof PrivateKey privateKey) {
                return privateKey;
            }
            throw new CertificateRefused("error.certificate.key-count", 0);
        } catch (UnrecoverableKeyException e) {
            throw new CertificateRefused("error.certificate.password");
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new CertificateRefused("error.certificate.unreadable");
        }
    }

    private static List<X509Certificate> chain(KeyStore store, String alias) {
        try {
            Certificate[] chain = store.getCertificateChain(alias);
            if (chain == null || chain.length == 0) {
                throw new CertificateRefused("error.certificate.no-certificate");
            }
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : chain) {
                if (!(certificate instanceof X509Certificate x509)) {
                    throw new CertificateRefused("error.certificate.unreadable");
                }
                certificates.add(x509);
            }
            return certificates;
        } catch (GeneralSecurityException e) {
            throw new CertificateRefused("error.certificate.unreadable");
        }
    }

    private static void acceptableKey(PrivateKey key, PublicKey certified) {
        boolean acceptable = switch (key) {
            case ECPrivateKey ec when certified instanceof ECPublicKey ecPublic -> CURVES.stream()
                    .anyMatch(curve -> sameCurve(curve, ec.getParams()) && sameCurve(curve, ecPublic.getParams()));
            case RSAPrivateKey rsa when certified instanceof RSAPublicKey rsaPublic ->
                    rsa.getModulus().bitLength() >= 2048 && rsaPublic.getModulus().bitLength() >= 2048;
            case ECPrivateKey _, RSAPrivateKey _ -> throw new CertificateRefused("error.certificate.key-mismatch");
            default -> false;
        };
        if (!acceptable) {
            throw new CertificateRefused("error.certificate.key-type");
        }
    }

    private static void matches(PrivateKey key, PublicKey certified, SecureRandom random) {
        byte[] challenge = new byte[32];
        random.nextBytes(challenge);
        String algorithm = key instanceof ECPrivateKey ? "SHA256withECDSA" : "SHA256withRSA";
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key, random);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certified);
            verifier.update(challenge);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            // a key that cannot sign, or a signature that does not parse, is as good as a mismatch
        }
        throw new CertificateRefused("error.certificate.key-mismatch");
    }

    private static void valid(X509Certificate certificate, Instant now) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (now.isBefore(notBefore) || !now.isBefore(notAfter)) {
            throw new CertificateRefused("error.certificate.not-valid", Date.from(notBefore), Date.from(notAfter));
        }
        if (notAfter.isBefore(now.plus(MIN_REMAINING_VALIDITY))) {
            throw new CertificateRefused("error.certificate.expires-soon", Date.from(notAfter),
                    MIN_REMAINING_VALIDITY.toDays());
        }
    }

    private static void buildsToRoot(List<X509Certificate> chain, Instant now) {
        X509Certificate root = chain.getLast();
        if (chain.size() < 2 || !root.getSubjectX500Principal().equals(root.getIssuerX500Principal())) {
            throw new CertificateRefused("error.certificate.chain");
        }
        try {
            root.verify(root.getPublicKey());
            var parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(chain.subList(0, chain.size() - 1)),
                    parameters);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new CertificateRefused("error.certificate.chain");
        }
    }

    private static boolean sameCurve(ECParameterSpec a, ECParameterSpec b) {
        return a.getCurve().equals(b.getCurve()) && a.getGenerator().equals(b.getGenerator())
                && a.getOrder().equals(b.getOrder()) && a.getCofactor() == b.getCofactor();
    }

    private static ECParameterSpec curve(String name) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(name));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
