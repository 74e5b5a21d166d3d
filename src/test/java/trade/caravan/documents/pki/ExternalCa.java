package trade.caravan.documents.pki;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
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
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/**
 * A certificate authority that is not Caravan's, built with BouncyCastle for tests: a self-signed
 * root, optionally an intermediate, and organizations' certificates in whatever shape a test needs
 * (good ones and every kind of bad one), packed as PKCS#12 files, and the CRL it publishes.
 */
public final class ExternalCa {

    public static final char[] PASSWORD = "pkcs12 password 42".toCharArray();
    private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime());

    private final String name;
    private final KeyPair keys;
    private final X509Certificate certificate;
    private final @Nullable String crlUrl;

    private ExternalCa(String name, KeyPair keys, X509Certificate certificate, @Nullable String crlUrl) {
        this.name = name;
        this.keys = keys;
        this.certificate = certificate;
        this.crlUrl = crlUrl;
    }

    /** A root CA (EC P-256) whose certificates name {@code crlUrl} as their CRL distribution point, if given. */
    public static ExternalCa root(String name, @Nullable String crlUrl) {
        return root(name, crlUrl, ec("secp256r1"));
    }

    /** A root CA with the given keys (RSA or EC). */
    public static ExternalCa root(String name, @Nullable String crlUrl, KeyPair keys) {
        return root(name, crlUrl, keys, "SHA256withECDSA");
    }

    /** A root CA whose certificate signs itself with {@code selfSignature}. */
    public static ExternalCa root(String name, @Nullable String crlUrl, KeyPair keys, String selfSignature) {
        Instant now = Instant.now();
        X509Certificate certificate = build(new X500Name(name), keys.getPrivate(), new X500Name(name), keys.getPublic(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)), KeyUsage.keyCertSign | KeyUsage.cRLSign,
                true, selfSignature, null, null, null);
        return new ExternalCa(name, keys, certificate, crlUrl);
    }

    /** An intermediate CA under this one. */
    public ExternalCa intermediate(String intermediateName) {
        return intermediateSignedWith(intermediateName, "SHA256withECDSA");
    }

    /** An intermediate CA under this one, its certificate signed with {@code algorithm}. */
    public ExternalCa intermediateSignedWith(String intermediateName, String algorithm) {
        KeyPair intermediateKeys = ec("secp256r1");
        Instant now = Instant.now();
        X509Certificate issued = build(new X500Name(name), keys.getPrivate(), new X500Name(intermediateName),
                intermediateKeys.getPublic(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1825)),
                KeyUsage.keyCertSign | KeyUsage.cRLSign, true, algorithm, certificate, crlUrl, null);
        return new ExternalCa(intermediateName, intermediateKeys, issued, crlUrl);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** What an organization's certificate looks like; each test changes one thing. */
    public record Leaf(String subject, KeyPair keys, Instant notBefore, Instant notAfter, @Nullable Integer keyUsage,
            boolean ca, String signatureAlgorithm, @Nullable String ocspUrl) {

        public static Leaf good(String subject) {
            Instant now = Instant.now();
            return new Leaf(subject, ec("secp256r1"), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(365)),
                    KeyUsage.digitalSignature | KeyUsage.nonRepudiation, false, "SHA256withECDSA", null);
        }

        public Leaf withKeys(KeyPair other) {
            return new Leaf(subject, other, notBefore, notAfter, keyUsage, ca, signatureAlgorithm, ocspUrl);
        }

        public Leaf validity(Instant from, Instant until) {
            return new Leaf(subject, keys, from, until, keyUsage, ca, signatureAlgorithm, ocspUrl);
        }

        public Leaf keyUsage(@Nullable Integer usage) {
            return new Leaf(subject, keys, notBefore, notAfter, usage, ca, signatureAlgorithm, ocspUrl);
        }

        public Leaf asCa() {
            return new Leaf(subject, keys, notBefore, notAfter, KeyUsage.keyCertSign | KeyUsage.digitalSignature, true,
                    signatureAlgorithm, ocspUrl);
        }

        public Leaf signedWith(String algorithm) {
            return new Leaf(subject, keys, notBefore, notAfter, keyUsage, ca, algorithm, ocspUrl);
        }
    }

    /** The certificate this CA issues for {@code leaf}. */
    public X509Certificate issue(Leaf leaf) {
        return build(new X500Name(name), keys.getPrivate(), new X500Name(leaf.subject()), leaf.keys().getPublic(),
                leaf.notBefore(), leaf.notAfter(), leaf.keyUsage(), leaf.ca(), leaf.signatureAlgorithm(), certificate,
                crlUrl, leaf.ocspUrl());
    }

    /** A PKCS#12 file with the leaf's key and the chain up to the root (this CA's chain given root last). */
    public byte[] pkcs12(Leaf leaf, X509Certificate... caChain) {
        X509Certificate issued = issue(leaf);
        X509Certificate[] chain = new X509Certificate[caChain.length + 1];
        chain[0] = issued;
        System.arraycopy(caChain, 0, chain, 1, caChain.length);
        return pkcs12(leaf.keys().getPrivate(), chain);
    }

    /** A PKCS#12 file holding one key entry, its chain as given. */
    public static byte[] pkcs12(PrivateKey key, X509Certificate... chain) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("signing", key, PASSWORD, chain);
            return store(store);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] store(KeyStore store) {
        try (var out = new ByteArrayOutputStream()) {
            store.store(out, PASSWORD);
            return out.toByteArray();
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This CA's CRL, revoking nothing, issued at {@code now} and current for a day. */
    public byte[] crl(Instant now) {
        try {
            var builder = new X509v2CRLBuilder(new X500Name(name), Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(SERIALS.incrementAndGet())));
            String algorithm = keys.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            return builder.build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate())).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** This CA's OCSP answer to {@code request} (DER): every certificate asked about is good, as of {@code now}. */
    public byte[] ocsp(byte[] request, Instant now) {
        try {
            var parsed = new org.bouncycastle.cert.ocsp.OCSPReq(request);
            var builder = new org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder(
                    new org.bouncycastle.cert.ocsp.RespID(new X500Name(name)));
            for (var one : parsed.getRequestList()) {
                builder.addResponse(one.getCertID(), org.bouncycastle.cert.ocsp.CertificateStatus.GOOD, Date.from(now),
                        Date.from(now.plus(Duration.ofDays(1))), null);
            }
            String algorithm = keys.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            var basic = builder.build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate()),
                    new org.bouncycastle.cert.X509CertificateHolder[] {
                            new org.bouncycastle.cert.X509CertificateHolder(certificate.getEncoded())},
                    Date.from(now));
            return new org.bouncycastle.cert.ocsp.OCSPRespBuilder()
                    .build(org.bouncycastle.cert.ocsp.OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An organization's certificate naming only an OCSP responder, no CRL distribution point. */
    public X509Certificate issueWithOcspOnly(Leaf leaf, String ocspUrl) {
        return build(new X500Name(name), keys.getPrivate(), new X500Name(leaf.subject()), leaf.keys().getPublic(),
                leaf.notBefore(), leaf.notAfter(), leaf.keyUsage(), leaf.ca(), leaf.signatureAlgorithm(), certificate,
                null, ocspUrl);
    }

    public static KeyPair ec(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate build(X500Name issuer, PrivateKey issuerKey, X500Name subject, PublicKey key,
            Instant notBefore, Instant notAfter, @Nullable Integer keyUsage, boolean ca, String signatureAlgorithm,
            @Nullable X509Certificate issuerCertificate, @Nullable String crlUrl, @Nullable String ocspUrl) {
        try {
            var builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIALS.incrementAndGet()),
                    Date.from(notBefore), Date.from(notAfter), subject, key);
            var utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, ca ? new BasicConstraints(0) : new BasicConstraints(false));
            if (keyUsage != null) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            }
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
            if (issuerCertificate != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        utils.createAuthorityKeyIdentifier(issuerCertificate));
            }
            if (crlUrl != null && issuerCertificate != null) {
                builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                        new DistributionPoint(new DistributionPointName(new GeneralNames(
                                new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl))), null, null)}));
            }
            if (ocspUrl != null) {
                builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                        new AccessDescription(AccessDescription.id_ad_ocsp,
                                new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl))));
            }
            String algorithm = issuerKey.getAlgorithm().equals("RSA") && signatureAlgorithm.endsWith("ECDSA")
                    ? signatureAlgorithm.replace("ECDSA", "RSA") : signatureAlgorithm;
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
