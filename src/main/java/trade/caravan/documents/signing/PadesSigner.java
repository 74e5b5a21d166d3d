package trade.caravan.documents.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.Signature;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.TimestampBinary;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.model.x509.revocation.crl.CRL;
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
import trade.caravan.documents.pki.SigningCredential;
import trade.caravan.documents.pki.TimestampAuthority;

/**
 * Signs a PDF as PAdES baseline B-LT with EU DSS: the signature (SHA-256 with ECDSA, by the
 * organization's credential), an RFC 3161 timestamp from the platform's timestamp authority, and
 * the validation material (certificates and a CRL issued after the timestamp) in the document's
 * security store, so it verifies later without the server. Each signature is an incremental
 * update: a document signed again keeps its earlier signatures intact.
 */
@Service
public class PadesSigner {

    private final CertificateAuthority ca;
    private final TimestampAuthority tsa;

    PadesSigner(CertificateAuthority ca, TimestampAuthority tsa) {
        this.ca = ca;
        this.tsa = tsa;
    }

    /** The PDF signed by {@code credential}, as PAdES B-LT. */
    @Transactional
    public byte[] sign(byte[] pdf, SigningCredential credential, String reason) {
        PAdESService service = new PAdESService(verifier());
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
        SignatureValue value = new SignatureValue(SignatureAlgorithm.ECDSA_SHA256, ecdsa(credential, toBeSigned.getBytes()));
        DSSDocument signed = service.signDocument(document, parameters, value);
        try (var out = new ByteArrayOutputStream()) {
            signed.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What DSS checks chains and collects revocation data with, when signing and when validating
     * this installation's signatures: the platform CA as the trust anchor, its CRL made fresh.
     */
    public CommonCertificateVerifier verifier() {
        var verifier = new CommonCertificateVerifier();
        var trusted = new CommonTrustedCertificateSource();
        ca.caCertificates().forEach(certificate -> trusted.addCertificate(new CertificateToken(certificate)));
        verifier.setTrustedCertSources(trusted);
        verifier.setCrlSource(new FreshCrl(ca));
        return verifier;
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

    private static byte[] ecdsa(SigningCredential credential, byte[] data) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(credential.privateKey());
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing failed", e);
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
