package trade.caravan.documents.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.europa.esig.dss.alert.exception.AlertException;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.TimestampBinary;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.model.x509.revocation.crl.CRL;
import eu.europa.esig.dss.model.x509.revocation.ocsp.OCSP;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.RevocationSource;
import eu.europa.esig.dss.spi.x509.revocation.RevocationToken;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;

import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

import trade.caravan.documents.pki.CertificateAuthority;
import trade.caravan.documents.pki.ExternalAuthorities;
import trade.caravan.documents.pki.SigningCredential;
import trade.caravan.documents.pki.TimestampAuthority;
import trade.caravan.platform.DomainException;

/**
 * Signs a PDF as PAdES baseline B-LT with EU DSS: the signature (SHA-256 with ECDSA or RSA, as the
 * organization's key is), an RFC 3161 timestamp from the platform's timestamp authority, and
 * the validation material (certificates, and a CRL or OCSP answer issued after the timestamp) in the
 * document's security store, so it verifies later without the server. Revocation data for the
 * platform CA's certificates is its CRL made fresh; for a certificate from an external CA it is
 * fetched from that CA's CRL distribution points or OCSP responder. Each signature is an incremental
 * update: a document signed again keeps its earlier signatures intact.
 */
@Service
public class PadesSigner {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PadesSigner.class);

    private final CertificateAuthority ca;
    private final TimestampAuthority tsa;
    private final ExternalAuthorities external;

    private final RecentCrl recentCrl;

    PadesSigner(CertificateAuthority ca, TimestampAuthority tsa, ExternalAuthorities external, java.time.Clock clock) {
        this.ca = ca;
        this.tsa = tsa;
        this.external = external;
        this.recentCrl = new RecentCrl(ca, clock);
    }

    /** The PDF signed by {@code credential}, as PAdES B-LT. */
    @Transactional
    public byte[] sign(byte[] pdf, SigningCredential credential, String reason) {
        PAdESService service = new PAdESService(signingVerifier(credential));
        service.setTspSource(timestamps());
        var parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_LT);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(new CertificateToken(credential.certificate()));
        parameters.setCertificateChain(credential.chain().stream().map(CertificateToken::new).toList());
        parameters.setReason(reason);
        parameters.setAppName("Caravan");
        parameters.setContentSize(24_000);
        DSSDocument document = new InMemoryDocument(pdf);
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        SignatureAlgorithm algorithm = algorithmFor(credential);
        SignatureValue value = new SignatureValue(algorithm, sign(algorithm, credential, toBeSigned.getBytes()));
        DSSDocument signed;
        try {
            signed = service.signDocument(document, parameters, value);
        } catch (AlertException refused) {
            if (issuedByPlatform(credential)) {
                throw refused;
            }
            // the external CA's revocation service did not answer, or says the certificate is revoked
            log.warn("Signing with {} refused by DSS: {}", credential, refused.getMessage());
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "error.signing.external-certificate");
        }
        try (var out = new ByteArrayOutputStream()) {
            signed.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What DSS checks chains and collects revocation data with when validating this installation's
     * signatures: the platform CA and the operator's {@code caravan.pki.trusted-roots} as trust
     * anchors, the platform CA's CRL made fresh. It fetches nothing from the network: the
     * certificates in a document being verified are anyone's, and so would be the URLs in them.
     */
    public CommonCertificateVerifier verifier() {
        var verifier = new CommonCertificateVerifier();
        var trusted = new CommonTrustedCertificateSource();
        List<X509Certificate> platform = ca.caCertificates();
        platform.forEach(certificate -> trusted.addCertificate(new CertificateToken(certificate)));
        external.trustedRoots().forEach(certificate -> trusted.addCertificate(new CertificateToken(certificate)));
        verifier.setTrustedCertSources(trusted);
        verifier.setCrlSource(new ByIssuer<>(platform, recentCrl, null));
        return verifier;
    }

    /**
     * The verifier for signing with {@code credential}: as {@link #verifier()}, plus the root of the
     * credential's own chain as a trust anchor (so that DSS builds the chain of an uploaded
     * certificate; whether others trust that root is theirs to decide), and the external CA's CRL or
     * OCSP responder online for certificates the platform CA did not issue.
     */
    CommonCertificateVerifier signingVerifier(SigningCredential credential) {
        var verifier = new CommonCertificateVerifier();
        var trusted = new CommonTrustedCertificateSource();
        // the CA exists before its certificates are listed: an organization signing with an uploaded
        // certificate may be the installation's first use of it, and the timestamp authority needs it
        ca.caCertificate();
        List<X509Certificate> platform = ca.caCertificates();
        platform.forEach(certificate -> trusted.addCertificate(new CertificateToken(certificate)));
        external.trustedRoots().forEach(certificate -> trusted.addCertificate(new CertificateToken(certificate)));
        trusted.addCertificate(new CertificateToken(credential.chain().getLast()));
        verifier.setTrustedCertSources(trusted);
        verifier.setCrlSource(new ByIssuer<>(platform, new FreshCrl(ca), new OnlineRevocation.Crl(external.revocationTimeout(),
                external.revocationFromPrivateAddresses())));
        verifier.setOcspSource(new ByIssuer<OCSP>(platform, null, new OnlineRevocation.Ocsp(external.revocationTimeout(),
                external.revocationFromPrivateAddresses())));
        return verifier;
    }

    private boolean issuedByPlatform(SigningCredential credential) {
        return ca.caCertificates().contains(credential.chain().getLast());
    }

    /** SHA-256 with the key's own algorithm: ECDSA for EC keys, RSA (PKCS#1 v1.5) for RSA keys. */
    static SignatureAlgorithm algorithmFor(SigningCredential credential) {
        EncryptionAlgorithm encryption = EncryptionAlgorithm.forKey(credential.privateKey());
        return switch (encryption) {
            case ECDSA, RSA -> SignatureAlgorithm.getAlgorithm(encryption, DigestAlgorithm.SHA256);
            default -> throw new IllegalStateException("No signature algorithm for a " + encryption + " key");
        };
    }

    private TSPSource timestamps() {
        return (digestAlgorithm, digest) -> {
            try {
                var request = new TimeStampRequestGenerator();
                request.setCertReq(true);
                TimeStampResponse response = new TimeStampResponse(tsa.respond(request.generate(
                        new org.bouncycastle.asn1.ASN1ObjectIdentifier(digestAlgorithm.getOid()), digest).getEncoded()));
                response.validate(request.generate(new org.bouncycastle.asn1.ASN1ObjectIdentifier(digestAlgorithm.getOid()), digest));
                return new TimestampBinary(response.getTimeStampToken().getEncoded());
            } catch (IOException | org.bouncycastle.tsp.TSPException e) {
                throw new IllegalStateException("The timestamp authority gave no usable token", e);
            }
        };
    }

    private static byte[] sign(SignatureAlgorithm algorithm, SigningCredential credential, byte[] data) {
        try {
            Signature signature = Signature.getInstance(algorithm.getJCEId());
            signature.initSign(credential.privateKey());
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing failed", e);
        }
    }

    /**
     * Revocation data by who issued the certificate: {@code platform} for the platform CA's (any of
     * its CA certificates), {@code external} for everyone else's; null where there is none.
     */
    private record ByIssuer<R extends eu.europa.esig.dss.model.x509.revocation.Revocation>(List<X509Certificate> cas,
            @Nullable RevocationSource<R> platform, @Nullable RevocationSource<R> external) implements RevocationSource<R> {

        @Override
        public @Nullable RevocationToken<R> getRevocationToken(CertificateToken certificate, CertificateToken issuer) {
            RevocationSource<R> source = cas.contains(issuer.getCertificate()) ? platform : external;
            return source == null ? null : source.getRevocationToken(certificate, issuer);
        }
    }

    /**
     * For verifying: the CA's CRL, issued at most a second ago, and never older than this process's
     * latest revocation (a CRL is valid for a day, {@code caravan.pki.crl-validity}; issuing one per
     * check signed a CRL for every document checked). Another node's revocation shows within a second.
     */
    static final class RecentCrl implements RevocationSource<CRL> {

        private static final java.time.Duration REUSE = java.time.Duration.ofSeconds(1);

        private record Issued(ExternalResourcesCRLSource source, java.time.Instant at, long revocations) {
        }

        private final CertificateAuthority ca;
        private final java.time.Clock clock;
        private final java.util.concurrent.atomic.AtomicReference<Issued> latest = new java.util.concurrent.atomic.AtomicReference<>();

        RecentCrl(CertificateAuthority ca, java.time.Clock clock) {
            this.ca = ca;
            this.clock = clock;
        }

        @Override
        public RevocationToken<CRL> getRevocationToken(CertificateToken certificate, CertificateToken issuer) {
            java.time.Instant now = clock.instant();
            long revocations = ca.revocationsInThisProcess();
            Issued issued = latest.get();
            if (issued == null || issued.revocations() != revocations || now.isBefore(issued.at())
                    || !now.isBefore(issued.at().plus(REUSE))) {
                issued = new Issued(new ExternalResourcesCRLSource(new InMemoryDocument(ca.crl())), now, revocations);
                latest.set(issued);
            }
            return issued.source().getRevocationToken(certificate, issuer);
        }
    }

    /** The CA's CRL, issued at the moment DSS asks for it (so after the signature's timestamp). */
    private record FreshCrl(CertificateAuthority ca) implements RevocationSource<CRL> {

        @Override
        public RevocationToken<CRL> getRevocationToken(CertificateToken certificate, CertificateToken issuer) {
            return new ExternalResourcesCRLSource(new InMemoryDocument(ca.crl())).getRevocationToken(certificate, issuer);
        }
    }
}
