package trade.caravan.documents.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.sun.net.httpserver.HttpServer;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;

import trade.caravan.documents.DocumentSigning;
import trade.caravan.documents.DocumentSigning.Signatory;
import trade.caravan.documents.PdfDocuments;
import trade.caravan.documents.pki.CertificateAuthority;
import trade.caravan.documents.pki.ExternalCa;
import trade.caravan.documents.pki.SigningCertificate;
import trade.caravan.documents.pki.UploadedCredentials;
import trade.caravan.platform.DomainException;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.OrganizationId;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.Pdfsig;

/**
 * The whole path of an uploaded certificate: an external CA (root to organization's certificate,
 * built here) publishes its CRL over HTTP at the URL in the certificate; the organization uploads
 * the PKCS#12; a PDF signed through {@link DocumentSigning} carries that certificate and is
 * PAdES-BASELINE-LT by DSS's own validation, with the external CA's CRL fetched at signing time
 * inside. Only a verifier that trusts the external root passes it. Another organization still signs
 * with the platform's certificate, and so does the uploader once it removes its upload. A certificate
 * naming only an OCSP responder gets the responder's answer; an RSA key signs with RSA, and poppler's
 * pdfsig agrees; an unreachable revocation service is a translated refusal.
 */
@IntegrationTest
class UploadedCertificateSigningTests {

    @Autowired
    DocumentSigning signing;
    @Autowired
    UploadedCredentials uploaded;
    @Autowired
    PadesSigner signer;
    @Autowired
    CertificateAuthority ca;
    @Autowired
    PdfDocuments pdf;
    @Autowired
    Clock clock;

    HttpServer crlServer;
    final AtomicReference<ExternalCa> external = new AtomicReference<>();
    final AtomicInteger crlRequests = new AtomicInteger();
    final AtomicInteger ocspRequests = new AtomicInteger();

    @BeforeEach
    void startCrlServer() throws IOException {
        crlServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        crlServer.createContext("/crl/root.crl", exchange -> {
            crlRequests.incrementAndGet();
            // signed at the moment it is fetched, as a CA's CRL service that is current would be
            byte[] crl = external.get().crl(clock.instant());
            exchange.getResponseHeaders().set("Content-Type", "application/pkix-crl");
            exchange.sendResponseHeaders(200, crl.length);
            try (var body = exchange.getResponseBody()) {
                body.write(crl);
            }
        });
        crlServer.createContext("/ocsp", exchange -> {
            ocspRequests.incrementAndGet();
            byte[] answer = external.get().ocsp(exchange.getRequestBody().readAllBytes(), clock.instant());
            exchange.getResponseHeaders().set("Content-Type", "application/ocsp-response");
            exchange.sendResponseHeaders(200, answer.length);
            try (var body = exchange.getResponseBody()) {
                body.write(answer);
            }
        });
        crlServer.start();
    }

    @AfterEach
    void stopCrlServer() {
        crlServer.stop(0);
    }

    @Test
    void aPdfSignedWithTheUploadedCertificateIsBaselineLtForAVerifierTrustingItsRoot() throws Exception {
        String crlUrl = "http://127.0.0.1:" + crlServer.getAddress().getPort() + "/crl/root.crl";
        external.set(ExternalCa.root("CN=Test Trust Services Root,O=Test Trust Services,C=DE", crlUrl));
        ExternalCa.Leaf leaf = ExternalCa.Leaf.good(
                "CN=Hamburger Kontor GmbH,O=Hamburger Kontor GmbH,2.5.4.97=VATDE-123456789,C=DE");
        X509Certificate issued = external.get().issue(leaf);
        byte[] pkcs12 = ExternalCa.pkcs12(leaf.keys().getPrivate(), issued, external.get().certificate());

        OrganizationId buyer = new OrganizationId(UUID.randomUUID());
        OrganizationId seller = new OrganizationId(UUID.randomUUID());
        SigningCertificate shown = uploaded.upload(buyer, "test", pkcs12, ExternalCa.PASSWORD.clone());
        assertThat(shown.source()).isEqualTo(SigningCertificate.Source.UPLOADED);
        assertThat(new BigInteger(shown.serial(), 16)).isEqualTo(issued.getSerialNumber());

        byte[] document = contract();
        DocumentSigning.Signed signedByBuyer = signing.sign(document,
                new Signatory(buyer, "Hamburger Kontor GmbH", new CountryCode("DE")), "Buyer signs");
        assertThat(signedByBuyer.serial()).isEqualTo(issued.getSerialNumber());
        assertThat(signedByBuyer.issuer()).contains("Test Trust Services Root");
        assertThat(crlRequests.get()).as("the external CA's CRL was fetched while signing").isPositive();

        Reports reports = validate(signedByBuyer.pdf(), trusting(external.get().certificate()));
        SimpleReport report = reports.getSimpleReport();
        String id = report.getFirstSignatureId();
        assertThat(report.getIndication(id)).as(report.getSubIndication(id) + " " + report.getAdESValidationErrors(id)
                + " " + report.getQualificationErrors(id)).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
        DiagnosticData diagnostic = reports.getDiagnosticData();
        CertificateWrapper signingCertificate = diagnostic.getUsedCertificateById(diagnostic.getSigningCertificateId(id));
        assertThat(signingCertificate.getId()).isEqualTo(new CertificateToken(issued).getDSSIdAsString());
        assertThat(diagnostic.getLatestRevocationDataForCertificate(signingCertificate))
                .as("the external CA's CRL is in the document").isNotNull();

        // a verifier that trusts only the platform CA does not pass it: trusting an external root is a decision
        SimpleReport untrusted = validate(signedByBuyer.pdf(), signer.verifier()).getSimpleReport();
        assertThat(untrusted.getIndication(untrusted.getFirstSignatureId())).isNotEqualTo(Indication.TOTAL_PASSED);

        // tenant isolation: the other party signs the same PDF with its platform certificate, never with the upload
        DocumentSigning.Signed signedBySeller = signing.sign(signedByBuyer.pdf(),
                new Signatory(seller, "Seller Ltd.", new CountryCode("CN")), "Seller signs");
        assertThat(signedBySeller.serial()).isNotEqualTo(issued.getSerialNumber());
        assertThat(signedBySeller.issuer()).contains("CN=Caravan Document Signing CA");
        SimpleReport both = validate(signedBySeller.pdf(), trusting(external.get().certificate())).getSimpleReport();
        assertThat(both.getSignaturesCount()).isEqualTo(2);
        for (String signature : both.getSignatureIdList()) {
            assertThat(both.getIndication(signature)).as(both.getSubIndication(signature) + " "
                    + both.getAdESValidationErrors(signature)).isEqualTo(Indication.TOTAL_PASSED);
            assertThat(both.getSignatureFormat(signature)).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
        }

        // removed: the buyer signs with the platform's certificate again
        assertThat(uploaded.remove(buyer, "test")).isTrue();
        DocumentSigning.Signed afterRemoval = signing.sign(document,
                new Signatory(buyer, "Hamburger Kontor GmbH", new CountryCode("DE")), "Buyer signs");
        assertThat(afterRemoval.issuer()).contains("CN=Caravan Document Signing CA");
    }

    @Test
    void anRsaCertificateSignsWithRsa() throws Exception {
        String crlUrl = "http://127.0.0.1:" + crlServer.getAddress().getPort() + "/crl/root.crl";
        external.set(ExternalCa.root("CN=Test RSA Root,O=Test Trust Services,C=DE", crlUrl, ExternalCa.rsa(2048)));
        ExternalCa.Leaf leaf = ExternalCa.Leaf.good("CN=Importadora Paulista Ltda.,O=Importadora Paulista Ltda.,C=BR")
                .withKeys(ExternalCa.rsa(2048));
        OrganizationId organization = new OrganizationId(UUID.randomUUID());
        uploaded.upload(organization, "test", external.get().pkcs12(leaf, external.get().certificate()),
                ExternalCa.PASSWORD.clone());

        DocumentSigning.Signed signed = signing.sign(contract(),
                new Signatory(organization, "Importadora Paulista Ltda.", new CountryCode("BR")), "Buyer signs");

        Reports reports = validate(signed.pdf(), trusting(external.get().certificate()));
        SimpleReport report = reports.getSimpleReport();
        String id = report.getFirstSignatureId();
        assertThat(report.getIndication(id)).as(report.getSubIndication(id) + " " + report.getAdESValidationErrors(id))
                .isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
        assertThat(reports.getDiagnosticData().getSignatureById(id).getSignatureAlgorithm().getJCEId())
                .isEqualTo("SHA256withRSA");
    }

    @Test
    void aCertificateWithOnlyAnOcspResponderGetsItsAnswerEmbedded() throws Exception {
        external.set(ExternalCa.root("CN=Test OCSP Root,O=Test Trust Services,C=DE", null));
        ExternalCa.Leaf leaf = ExternalCa.Leaf.good("CN=Anadolu Seramik,O=Anadolu Seramik ve Tekstil A.S.,C=TR");
        X509Certificate issued = external.get().issueWithOcspOnly(leaf,
                "http://127.0.0.1:" + crlServer.getAddress().getPort() + "/ocsp");
        OrganizationId organization = new OrganizationId(UUID.randomUUID());
        uploaded.upload(organization, "test", ExternalCa.pkcs12(leaf.keys().getPrivate(), issued,
                external.get().certificate()), ExternalCa.PASSWORD.clone());

        DocumentSigning.Signed signed = signing.sign(contract(),
                new Signatory(organization, "Anadolu Seramik ve Tekstil A.S.", new CountryCode("TR")), "Seller signs");
        assertThat(ocspRequests.get()).isPositive();

        Reports reports = validate(signed.pdf(), trusting(external.get().certificate()));
        SimpleReport report = reports.getSimpleReport();
        String id = report.getFirstSignatureId();
        assertThat(report.getIndication(id)).as(report.getSubIndication(id) + " " + report.getAdESValidationErrors(id))
                .isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
        DiagnosticData diagnostic = reports.getDiagnosticData();
        CertificateWrapper signingCertificate = diagnostic.getUsedCertificateById(diagnostic.getSigningCertificateId(id));
        assertThat(signingCertificate.getId()).isEqualTo(new CertificateToken(issued).getDSSIdAsString());
        assertThat(diagnostic.getLatestRevocationDataForCertificate(signingCertificate).getRevocationType())
                .isEqualTo(eu.europa.esig.dss.enumerations.RevocationType.OCSP);
    }

    /**
     * poppler's pdfsig, independent of DSS, finds the signature made with an uploaded RSA certificate
     * valid and its certificate trusted once the external root is in its store. Skipped, and says so,
     * where pdfsig and certutil (Debian: poppler-utils, libnss3-tools) are missing.
     */
    @Test
    void pdfsigFindsTheUploadedCertificatesSignatureValid(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory)
            throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Pdfsig.installed(),
                "pdfsig and certutil (Debian: poppler-utils, libnss3-tools) are not installed");
        String crlUrl = "http://127.0.0.1:" + crlServer.getAddress().getPort() + "/crl/root.crl";
        external.set(ExternalCa.root("CN=Test Poppler Root,O=Test Trust Services,C=DE", crlUrl, ExternalCa.rsa(2048)));
        ExternalCa.Leaf leaf = ExternalCa.Leaf.good("CN=Hai Phong Garment,O=Hai Phong Garment Joint Stock Company,C=VN")
                .withKeys(ExternalCa.rsa(2048));
        OrganizationId organization = new OrganizationId(UUID.randomUUID());
        uploaded.upload(organization, "test", external.get().pkcs12(leaf, external.get().certificate()),
                ExternalCa.PASSWORD.clone());
        byte[] signed = signing.sign(contract(), new Signatory(organization,
                "Hai Phong Garment Joint Stock Company", new CountryCode("VN")), "Seller signs").pdf();

        String out = Pdfsig.report(signed, external.get().certificate(), directory);
        assertThat(Pdfsig.validAndTrusted(out)).as(out).isEqualTo(1);
        assertThat(out).contains("Signature Validation: Signature is Valid.", "Certificate Validation: Certificate is Trusted.",
                "Hai Phong Garment");
    }

    @Test
    void anUnreachableRevocationServiceIsARefusalNotACrash() {
        // nothing listens on port 9 (discard): the external CA's CRL cannot be fetched
        ExternalCa unreachable = ExternalCa.root("CN=Test Unreachable Root,O=Test Trust Services,C=DE",
                "http://127.0.0.1:9/crl/root.crl");
        ExternalCa.Leaf leaf = ExternalCa.Leaf.good("CN=Tirupur Knit Exports,O=Tirupur Knit Exports Pvt. Ltd.,C=IN");
        OrganizationId organization = new OrganizationId(UUID.randomUUID());
        uploaded.upload(organization, "test", unreachable.pkcs12(leaf, unreachable.certificate()), ExternalCa.PASSWORD.clone());

        assertThatThrownBy(() -> signing.sign(contract(),
                new Signatory(organization, "Tirupur Knit Exports Pvt. Ltd.", new CountryCode("IN")), "Seller signs"))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.messageCode()).isEqualTo("error.signing.external-certificate"));
    }

    private byte[] contract() {
        return pdf.render("""
                <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Contract</title>
                <style>body { font-family: 'Caravan Sans'; }</style></head>
                <body><p>The seller sells, the buyer buys.</p></body></html>""", "Contract", Locale.ENGLISH, List.of());
    }

    private CommonCertificateVerifier trusting(X509Certificate root) {
        CommonCertificateVerifier verifier = signer.verifier();
        var trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(root));
        verifier.addTrustedCertSources(trusted);
        return verifier;
    }

    private static Reports validate(byte[] signed, CommonCertificateVerifier verifier) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(signed));
        validator.setCertificateVerifier(verifier);
        return validator.validateDocument();
    }
}
