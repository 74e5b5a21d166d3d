package trade.caravan.documents.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;

import trade.caravan.documents.PdfDocuments;
import trade.caravan.documents.pki.CertificateAuthority;
import trade.caravan.documents.pki.SigningCredential;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.OrganizationId;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.PdfA;
import trade.caravan.support.Pdfsig;

/**
 * A PDF signed by two organizations in turn is PAdES B-LT for both signatures by DSS's own
 * validation (trusting the platform CA only): intact, timestamped, with the revocation data inside.
 * One byte changed in the signed content makes it fail.
 */
@IntegrationTest
class PadesSignerTests {

    @Autowired
    PadesSigner signer;
    @Autowired
    CertificateAuthority ca;
    @Autowired
    PdfDocuments pdf;

    @Test
    void twoSignaturesInOnePdfEachBaselineLtAndValid() {
        byte[] document = pdf.render("""
                <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Contract</title>
                <style>body { font-family: 'Caravan Sans'; }</style></head>
                <body><p>The seller sells, the buyer buys. 卖方出售，买方购买。</p></body></html>""",
                "Contract", Locale.ENGLISH, List.of());
        SigningCredential seller = ca.credentialOf(new OrganizationId(UUID.randomUUID()), "Seller Ltd.", new CountryCode("CN"));
        SigningCredential buyer = ca.credentialOf(new OrganizationId(UUID.randomUUID()), "Buyer GmbH", new CountryCode("DE"));

        byte[] once = signer.sign(document, seller, "Seller signs");
        byte[] twice = signer.sign(once, buyer, "Buyer signs");

        SimpleReport report = validate(twice).getSimpleReport();
        assertThat(report.getSignaturesCount()).isEqualTo(2);
        for (String id : report.getSignatureIdList()) {
            assertThat(report.getIndication(id)).as(report.getSubIndication(id) + " " + report.getAdESValidationErrors(id))
                    .isEqualTo(Indication.TOTAL_PASSED);
            assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
        }
        // the first signature survived the second (an incremental update)
        assertThat(twice.length).isGreaterThan(once.length);
        assertThat(java.util.Arrays.equals(java.util.Arrays.copyOf(twice, once.length), once)).isTrue();
        // still PDF/A-3b after both signatures
        assertThat(PdfA.violationsOf3b(twice)).isEmpty();
    }

    /**
     * poppler's pdfsig, an implementation independent of DSS and PDFBox, finds both signatures
     * valid and their certificates trusted, with the platform CA in its trust store.
     * CI installs poppler-utils and libnss3-tools; where they are missing the test says so and stops.
     */
    @Test
    void pdfsigFindsBothSignaturesValid(@TempDir Path directory) throws Exception {
        assumeTrue(Pdfsig.installed(),
                "pdfsig and certutil (Debian: poppler-utils, libnss3-tools) are not installed");
        byte[] document = pdf.render("""
                <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Contract</title>
                <style>body { font-family: 'Caravan Sans'; }</style></head>
                <body><p>The seller sells, the buyer buys.</p></body></html>""", "Contract", Locale.ENGLISH, List.of());
        SigningCredential seller = ca.credentialOf(new OrganizationId(UUID.randomUUID()), "Seller Ltd.", new CountryCode("CN"));
        SigningCredential buyer = ca.credentialOf(new OrganizationId(UUID.randomUUID()), "Buyer GmbH", new CountryCode("DE"));
        byte[] signed = signer.sign(signer.sign(document, seller, "Seller signs"), buyer, "Buyer signs");

        String out = Pdfsig.report(signed, ca.caCertificate(), directory);
        assertThat(out).contains("Signature #1", "Signature #2");
        assertThat(Pdfsig.validAndTrusted(out)).as(out).isEqualTo(2);
        assertThat(out).doesNotContain("Signature is Invalid");
        // pdfsig says "Not total document signed" for both: what follows the second signature is the
        // B-LT revision with the validation material (certificates, CRL), which DSS checks is nothing else
    }

    @Test
    void aChangedByteBreaksTheSignature() {
        byte[] document = pdf.render("""
                <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Contract</title>
                <style>body { font-family: 'Caravan Sans'; }</style></head>
                <body><p>Total 12,400.00 USD</p></body></html>""", "Contract", Locale.ENGLISH, List.of());
        SigningCredential seller = ca.credentialOf(new OrganizationId(UUID.randomUUID()), "Seller Ltd.", new CountryCode("CN"));
        byte[] signed = signer.sign(document, seller, "Seller signs");
        byte[] tampered = signed.clone();
        // a byte inside the first page's content, well before the signature
        tampered[document.length / 3] ^= 0x01;
        SimpleReport report = validate(tampered).getSimpleReport();
        String id = report.getFirstSignatureId();
        assertThat(report.getIndication(id)).isNotEqualTo(Indication.TOTAL_PASSED);
    }

    private Reports validate(byte[] signed) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(signed));
        validator.setCertificateVerifier(signer.verifier());
        return validator.validateDocument();
    }
}
