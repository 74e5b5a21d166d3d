package trade.caravan.documents.verification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.jspecify.annotations.Nullable;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.TimestampBinary;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;

import trade.caravan.documents.pki.TimestampAuthority;

/**
 * Signatures the platform would never make, made with DSS directly for the tamper matrix: any
 * level, with or without the platform's timestamp authority, with whatever revocation data the
 * test hands in, and with DSS's refusals (revoked or expired certificate, missing revocation data)
 * turned off so the signature exists and its verdict can be checked. Also a throw-away CA built
 * with BouncyCastle, and the signature value inside a PDF's /Contents.
 */
final class TestSignatures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestSignatures() {
    }

    /** A key and its chain, the end entity first. */
    record Signer(PrivateKey key, List<X509Certificate> chain) {
    }

    static byte[] sign(byte[] pdf, Signer signer, SignatureLevel level, @Nullable TimestampAuthority tsa,
            List<X509Certificate> trusted, byte @Nullable [] crl, Instant signingTime) {
        var verifier = new CommonCertificateVerifier();
        var anchors = new CommonTrustedCertificateSource();
        trusted.forEach(certificate -> anchors.addCertificate(new CertificateToken(certificate)));
        verifier.setTrustedCertSources(anchors);
        verifier.setAIASource(null);
        if (crl != null) {
            verifier.setCrlSource(new ExternalResourcesCRLSource(new InMemoryDocument(crl)));
        }
        var silent = new SilentOnStatusAlert();
        verifier.setAlertOnMissingRevocationData(silent);
        verifier.setAlertOnRevokedCertificate(silent);
        verifier.setAlertOnExpiredCertificate(silent);
        verifier.setAlertOnNotYetValidCertificate(silent);
        verifier.setAlertOnInvalidTimestamp(silent);
        verifier.setAlertOnNoRevocationAfterBestSignatureTime(silent);
        verifier.setAlertOnUncoveredPOE(silent);
        verifier.setAugmentationAlertOnSelfSignedCertificateChains(silent);
        PAdESService service = new PAdESService(verifier);
        if (tsa != null) {
            service.setTspSource(timestamps(tsa));
        }
        var parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(level);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(new CertificateToken(signer.chain().getFirst()));
        parameters.setCertificateChain(signer.chain().stream().map(CertificateToken::new).toList());
        parameters.setContentSize(24_000);
        parameters.bLevel().setSigningDate(Date.from(signingTime));
        DSSDocument document = new InMemoryDocument(pdf);
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        SignatureValue value = new SignatureValue(SignatureAlgorithm.ECDSA_SHA256, ecdsa(signer.key(), toBeSigned.getBytes()));
        DSSDocument signed = service.signDocument(document, parameters, value);
        try (var out = new ByteArrayOutputStream()) {
            signed.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An enveloped XAdES signature over the XML, by the signer, at the level given. */
    static byte[] signXml(byte[] xml, Signer signer, SignatureLevel level, TimestampAuthority tsa,
            List<X509Certificate> trusted, byte[] crl) {
        var verifier = new CommonCertificateVerifier();
        var anchors = new CommonTrustedCertificateSource();
        trusted.forEach(certificate -> anchors.addCertificate(new CertificateToken(certificate)));
        verifier.setTrustedCertSources(anchors);
        verifier.setAIASource(null);
        verifier.setCrlSource(new ExternalResourcesCRLSource(new InMemoryDocument(crl)));
        var service = new eu.europa.esig.dss.xades.signature.XAdESService(verifier);
        service.setTspSource(timestamps(tsa));
        var parameters = new eu.europa.esig.dss.xades.XAdESSignatureParameters();
        parameters.setSignatureLevel(level);
        parameters.setSignaturePackaging(eu.europa.esig.dss.enumerations.SignaturePackaging.ENVELOPED);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(new CertificateToken(signer.chain().getFirst()));
        parameters.setCertificateChain(signer.chain().stream().map(CertificateToken::new).toList());
        DSSDocument document = new InMemoryDocument(xml);
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        SignatureValue value = new SignatureValue(SignatureAlgorithm.ECDSA_SHA256, ecdsa(signer.key(), toBeSigned.getBytes()));
        DSSDocument signed = service.signDocument(document, parameters, value);
        try (var out = new ByteArrayOutputStream()) {
            signed.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TSPSource timestamps(TimestampAuthority tsa) {
        return (digestAlgorithm, digest) -> {
            try {
                var request = new TimeStampRequestGenerator();
                request.setCertReq(true);
                var oid = new ASN1ObjectIdentifier(digestAlgorithm.getOid());
                TimeStampResponse response = new TimeStampResponse(tsa.respond(request.generate(oid, digest).getEncoded()));
                return new TimestampBinary(response.getTimeStampToken().getEncoded());
            } catch (IOException | org.bouncycastle.tsp.TSPException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static byte[] ecdsa(PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CA nobody trusts, and a signer it certifies for the given period. */
    static Signer unknownCaSigner(String commonName, Instant notBefore, Instant notAfter) {
        try {
            KeyPair caKeys = ecKeys();
            X500Name caName = new X500Name("CN=Unknown Test CA,O=Nobody,C=XX");
            X509Certificate caCertificate = certificate(caName, caName, caKeys.getPublic(), caKeys.getPrivate(),
                    notBefore.minusSeconds(3600), notAfter.plusSeconds(3600), true);
            KeyPair keys = ecKeys();
            X509Certificate certificate = certificate(caName, new X500Name("CN=" + commonName + ",O=" + commonName + ",C=DE"),
                    keys.getPublic(), caKeys.getPrivate(), notBefore, notAfter, false);
            return new Signer(keys.getPrivate(), List.of(certificate, caCertificate));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(X500Name issuer, X500Name subject, java.security.PublicKey key,
            PrivateKey issuerKey, Instant notBefore, Instant notAfter, boolean ca) throws Exception {
        var builder = new X509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).setBit(63), Date.from(notBefore),
                Date.from(notAfter), subject, SubjectPublicKeyInfo.getInstance(key.getEncoded()));
        builder.addExtension(Extension.basicConstraints, true, ca ? new BasicConstraints(0) : new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, ca ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
                : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    }

    private static final Pattern CONTENTS = Pattern.compile("/Contents\\s*<([0-9A-Fa-f]+)>");

    /** The PDF with one bit changed inside the signature value (the ECDSA r) of its first signature's CMS. */
    static byte[] withAlteredSignatureValue(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        Matcher contents = CONTENTS.matcher(text);
        if (!contents.find()) {
            throw new IllegalArgumentException("No /Contents in the PDF");
        }
        String hex = contents.group(1);
        byte[] cms = HexFormat.of().parseHex(hex);
        try {
            // the CMS is followed by zero padding up to the reserved size; BouncyCastle reads the first object
            CMSSignedData signed = new CMSSignedData(cms);
            SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
            byte[] value = signer.getSignature();
            int at = indexOf(cms, value);
            if (at < 0) {
                throw new IllegalStateException("The signature value is not in the CMS as encoded");
            }
            cms[at + value.length / 2] ^= 0x01;
        } catch (org.bouncycastle.cms.CMSException e) {
            throw new IllegalStateException(e);
        }
        String altered = HexFormat.of().withUpperCase().formatHex(cms);
        if (Character.isLowerCase(firstLetter(hex))) {
            altered = altered.toLowerCase(java.util.Locale.ROOT);
        }
        byte[] result = pdf.clone();
        System.arraycopy(altered.getBytes(StandardCharsets.ISO_8859_1), 0, result, contents.start(1), altered.length());
        return result;
    }

    private static char firstLetter(String hex) {
        for (char c : hex.toCharArray()) {
            if (Character.isLetter(c)) {
                return c;
            }
        }
        return 'A';
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
