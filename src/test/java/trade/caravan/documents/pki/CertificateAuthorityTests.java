package trade.caravan.documents.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import trade.caravan.shared.CountryCode;
import trade.caravan.shared.OrganizationId;
import trade.caravan.support.IntegrationTest;

/**
 * The platform CA issues organizations signing certificates that the JDK's own PKIX validator
 * accepts with the CA as trust anchor and the published CRL for revocation; a revoked certificate
 * is refused by the same validator; private keys are stored sealed; the CA certificate and CRL are
 * public.
 */
@IntegrationTest
class CertificateAuthorityTests {

    @Autowired
    CertificateAuthority ca;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void anIssuedCertificateValidatesAgainstTheCaAndItsCrl() throws Exception {
        OrganizationId organization = new OrganizationId(UUID.randomUUID());
        SigningCredential credential = ca.credentialOf(organization, "Ningbo Huateng Housewares Co., Ltd.", new CountryCode("CN"));
        X509Certificate certificate = credential.certificate();

        assertThat(credential.chain()).hasSize(2);
        assertThat(credential.chain().getLast()).isEqualTo(ca.caCertificate());
        certificate.verify(ca.caCertificate().getPublicKey());
        assertThat(certificate.getSubjectX500Principal().getName()).contains("O=Ningbo Huateng Housewares Co.\\, Ltd.", "C=CN");
        assertThat(certificate.getKeyUsage()[0]).as("digital signature").isTrue();
        assertThat(certificate.getKeyUsage()[1]).as("non-repudiation").isTrue();
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(new String(certificate.getExtensionValue(Extension.cRLDistributionPoints.getId()), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("/pki/crl");
        assertThat(validate(certificate, ca.parsedCrl())).isNull();

        // the same organization gets the same credential while it is usable
        assertThat(ca.credentialOf(organization, "Ningbo Huateng Housewares Co., Ltd.", new CountryCode("CN")).serial())
                .isEqualTo(credential.serial());
        // the key is stored sealed, not as its PKCS#8 encoding
        byte[] stored = jdbc.sql("select sealed_private_key from documents.signing_certificates where serial = ?")
                .param(new java.math.BigDecimal(credential.serial())).query(byte[].class).single();
        assertThat(indexOf(stored, credential.privateKey().getEncoded())).isEqualTo(-1);
    }

    @Test
    void aRevokedCertificateIsInTheCrlAndRefused() throws Exception {
        OrganizationId organization = new OrganizationId(UUID.randomUUID());
        SigningCredential credential = ca.credentialOf(organization, "Hamburger Kontor GmbH", new CountryCode("DE"));
        BigInteger revoked = ca.revoke(organization, Instant.now().minusSeconds(60), 1).orElseThrow();
        assertThat(revoked).isEqualTo(credential.serial());

        byte[] crlBytes = mvc.perform(get("/pki/crl"))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pkix-crl"))
                .andReturn().getResponse().getContentAsByteArray();
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(crlBytes));
        crl.verify(ca.caCertificate().getPublicKey());
        assertThat(crl.getRevokedCertificate(revoked)).isNotNull();
        assertThat(crl.getNextUpdate()).isAfter(new Date());

        CertPathValidatorException refused = validate(credential.certificate(), crl);
        assertThat(refused).isNotNull();
        assertThat(refused.getReason()).isEqualTo(CertPathValidatorException.BasicReason.REVOKED);

        // the next use issues a new certificate
        SigningCredential next = ca.credentialOf(organization, "Hamburger Kontor GmbH", new CountryCode("DE"));
        assertThat(next.serial()).isNotEqualTo(revoked);
        assertThat(validate(next.certificate(), ca.parsedCrl())).isNull();
    }

    @Test
    void theCaCertificateIsPublic() throws Exception {
        byte[] der = mvc.perform(get("/pki/ca.crt"))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pkix-cert"))
                .andReturn().getResponse().getContentAsByteArray();
        X509Certificate published = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        assertThat(published).isEqualTo(ca.caCertificate());
        assertThat(published.getBasicConstraints()).isEqualTo(0);
        published.verify(published.getPublicKey());
        assertThat(ca.caCertificates()).contains(published);
    }

    @Test
    void aCertificateFromAnotherCaIsNotTrusted() throws Exception {
        // anyone can make a CA; a certificate it issues, even with our CA's name, does not chain to ours
        var generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        var forgerKeys = generator.generateKeyPair();
        var name = org.bouncycastle.asn1.x500.X500Name.getInstance(ca.caCertificate().getSubjectX500Principal().getEncoded());
        var builder = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(name, BigInteger.TEN,
                new Date(System.currentTimeMillis() - 60_000), new Date(System.currentTimeMillis() + 86_400_000L),
                new org.bouncycastle.asn1.x500.X500Name("CN=Hamburger Kontor GmbH,C=DE"), forgerKeys.getPublic());
        X509Certificate forged = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
                builder.build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA")
                        .build(forgerKeys.getPrivate())));
        assertThatThrownBy(() -> forged.verify(ca.caCertificate().getPublicKey()))
                .isInstanceOf(java.security.SignatureException.class);
        CertPathValidatorException refused = validate(forged, ca.parsedCrl());
        assertThat(refused).isNotNull();
    }

    /** The JDK's PKIX validation with revocation checking on, from the given CRL only; null when valid. */
    private CertPathValidatorException validate(X509Certificate certificate, X509CRL crl) throws Exception {
        var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate));
        var parameters = new PKIXParameters(Set.of(new TrustAnchor(ca.caCertificate(), null)));
        parameters.setRevocationEnabled(true);
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(List.of(crl))));
        try {
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
            return null;
        } catch (CertPathValidatorException e) {
            return e;
        }
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
