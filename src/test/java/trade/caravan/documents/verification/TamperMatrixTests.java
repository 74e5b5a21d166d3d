package trade.caravan.documents.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.xml.common.XmlDefinerUtils;

import trade.caravan.documents.DocumentStatus;
import trade.caravan.documents.DocumentVerification;
import trade.caravan.documents.LogLeaf;
import trade.caravan.documents.PdfDocuments;
import trade.caravan.documents.TransparencyLog;
import trade.caravan.documents.Verdict;
import trade.caravan.documents.Verdict.Outcome;
import trade.caravan.documents.pki.CertificateAuthority;
import trade.caravan.documents.pki.SigningCredential;
import trade.caravan.documents.pki.TimestampAuthority;
import trade.caravan.documents.signing.PadesSigner;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.OrganizationId;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.TestClock;

/**
 * What the verify page and API answer for documents that were tampered with or signed in ways the
 * platform would not sign, each checked through {@link DocumentVerification}. Each test names what
 * DSS answered; the verdict must never show any of them as valid.
 */
@IntegrationTest
class TamperMatrixTests {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    DocumentVerification verification;
    @Autowired
    PadesSigner signer;
    @Autowired
    CertificateAuthority ca;
    @Autowired
    TimestampAuthority tsa;
    @Autowired
    PdfDocuments pdf;
    @Autowired
    TransparencyLog log;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anIntactPlatformSignatureIsValidWithEverythingTheDocumentSays() {
        SigningCredential seller = credential("Shenzhen Test Electronics Co., Ltd.", "CN");
        byte[] signed = signer.sign(document("Total 12,400.00 USD"), seller, "Seller signs");
        log.append(leaf(trade.caravan.documents.Merkle.documentHash(signed), DocumentStatus.ISSUED, null));

        Verdict verdict = verification.verify(signed);

        assertThat(verdict.outcome()).as(verdict.toString()).isEqualTo(Outcome.VALID);
        assertThat(verdict.validAndCurrent()).isTrue();
        assertThat(verdict.unchanged()).isTrue();
        assertThat(verdict.format()).isEqualTo(Verdict.Format.PDF);
        Verdict.Signature signature = verdict.signatures().getFirst();
        assertThat(signature.indication()).isEqualTo("TOTAL_PASSED");
        assertThat(signature.level()).isEqualTo("PAdES-BASELINE-LT");
        assertThat(signature.signer().commonName()).isEqualTo("Shenzhen Test Electronics Co., Ltd.");
        assertThat(signature.signer().organization()).isEqualTo("Shenzhen Test Electronics Co., Ltd.");
        assertThat(signature.signer().country()).isEqualTo("CN");
        assertThat(signature.timestamped()).isTrue();
        assertThat(signature.certificate().serial()).isEqualTo(seller.serial().toString(16));
        assertThat(signature.certificate().issuer()).contains("Caravan");
        assertThat(signature.certificate().validAtSigning()).isTrue();
        assertThat(signature.certificate().trusted()).isTrue();
        assertThat(signature.revocation().status()).isEqualTo(Verdict.RevocationStatus.GOOD);
        assertThat(verdict.log().state()).isEqualTo(Verdict.LogState.ISSUED);
        assertThat(verdict.log().proven()).isTrue();
        assertThat(verdict.log().leafIndex()).isNotNull();
        assertThat(verdict.log().treeSize()).isGreaterThan(verdict.log().leafIndex());
    }

    /** The contract as both parties sign it: two B-LT signatures, incremental updates, both valid, unchanged. */
    @Test
    void aContractSignedByBothPartiesIsValid() {
        byte[] once = signer.sign(document("The seller sells, the buyer buys."), credential("Seller Ltd.", "CN"), "Seller signs");
        byte[] twice = signer.sign(once, credential("Buyer GmbH", "DE"), "Buyer signs");

        Verdict verdict = verification.verify(twice);

        assertThat(verdict.outcome()).as(verdict.toString()).isEqualTo(Outcome.VALID);
        assertThat(verdict.unchanged()).isTrue();
        assertThat(verdict.signatures()).extracting(s -> s.signer().commonName()).containsExactlyInAnyOrder("Seller Ltd.",
                "Buyer GmbH");
        assertThat(verdict.signatures()).allMatch(s -> s.outcome() == Outcome.VALID && s.intact());
    }

    /**
     * A page added after the signature in an incremental update: the signed revision is intact,
     * but the document shown is not what was signed. DSS: TOTAL_FAILED, FORMAT_FAILURE ("The number
     * of signed pages does not match the number of pages present in the PDF!").
     */
    @Test
    void aPageAddedAfterSigningIsNotValid() throws Exception {
        byte[] signed = signer.sign(document("Total 12,400.00 USD"), credential("Seller Ltd.", "CN"), "Seller signs");
        byte[] extended;
        try (var pdfDocument = org.apache.pdfbox.Loader.loadPDF(signed); var out = new java.io.ByteArrayOutputStream()) {
            var page = new org.apache.pdfbox.pdmodel.PDPage();
            pdfDocument.addPage(page);
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(pdfDocument, page)) {
                content.addRect(100, 100, 200, 50);
                content.fill();
            }
            pdfDocument.getPages().getCOSObject().setNeedToBeUpdated(true);
            pdfDocument.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            page.getCOSObject().setNeedToBeUpdated(true);
            pdfDocument.saveIncremental(out);
            extended = out.toByteArray();
        }

        Verdict verdict = verification.verify(extended);

        assertThat(verdict.outcome()).as(verdict.toString()).isEqualTo(Outcome.INVALID);
        assertThat(verdict.unchanged()).isFalse();
        assertThat(verdict.signatures().getFirst().intact()).isTrue();
        assertThat(verdict.reason()).isEqualTo("FORMAT_FAILURE");
        assertThat(verdict.signatures().getFirst().errors())
                .contains("The number of signed pages does not match the number of pages present in the PDF!");
    }

    /**
     * Content drawn over the signed page in an incremental update (a box hiding the amount). The
     * verifier does not render pages (a stranger's PDF could make rendering take any memory); DSS's
     * object comparison of the revisions finds the change, but its default policy only notes it:
     * DSS says TOTAL_PASSED. The verdict does not: INDETERMINATE, changed after signing.
     */
    @Test
    void contentDrawnOverTheSignedPageIsNotValid() throws Exception {
        byte[] signed = signer.sign(document("Total 12,400.00 USD"), credential("Seller Ltd.", "CN"), "Seller signs");
        byte[] overdrawn;
        try (var pdfDocument = org.apache.pdfbox.Loader.loadPDF(signed); var out = new java.io.ByteArrayOutputStream()) {
            var page = pdfDocument.getPage(0);
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(pdfDocument, page,
                    org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode.APPEND, true)) {
                content.setNonStrokingColor(java.awt.Color.WHITE);
                content.addRect(0, 0, 600, 800);
                content.fill();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
            pdfDocument.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            pdfDocument.saveIncremental(out);
            overdrawn = out.toByteArray();
        }

        Verdict verdict = verification.verify(overdrawn);

        assertThat(verdict.signatures().getFirst().indication()).isEqualTo("TOTAL_PASSED");
        assertThat(verdict.outcome()).as(verdict.toString()).isEqualTo(Outcome.INDETERMINATE);
        assertThat(verdict.reason()).isEqualTo("changed-after-signing");
        assertThat(verdict.validAndCurrent()).isFalse();
        assertThat(verdict.unchanged()).isFalse();
    }

    /** DSS: TOTAL_FAILED, HASH_FAILURE — the signed bytes' digest no longer matches. */
    @Test
    void oneByteFlippedInTheSignedContentIsInvalid() {
        byte[] unsigned = document("Total 12,400.00 USD");
        byte[] signed = signer.sign(unsigned, credential("Seller Ltd.", "CN"), "Seller signs");
        byte[] tampered = signed.clone();
        tampered[unsigned.length / 3] ^= 0x01;

        Verdict verdict = verification.verify(tampered);

        assertThat(verdict.outcome()).as(verdict.toString()).isEqualTo(Outcome.INVALID);
        assertThat(verdict.unchanged()).isFalse();
        assertThat(verdict.signatures().getFirst().subIndication()).isEqualTo("HASH_FAILURE");
        assertThat(verdict.signatures().getFirst().intact()).isFalse();
    }

    /** DSS: TOTAL_FAILED, SIG_CRYPTO_FAILURE — the signature value does not verify. */
    @Test
    void alteredSignatureBytesInsideContentsAreInvalid() {
        byte[] signed = signer.sign(document("Total 12,400.00 USD"), credential("Seller Ltd.", "CN"), "Seller signs");

        Verdict verdict = verification.verify(TestSignatures.withAlteredSignatureValue(signed));

        assertThat(verdict.outcome()).as(verdict.toString()).isEqualTo(Outcome.INVALID);
        assertThat(verdict.signatures().getFirst().subIndication()).isEqualTo("SIG_CRYPTO_FAILURE");
        assertThat(verdict.unchanged()).isFalse();
    }

    /**
     * A key used after its certificate was revoked: the CRL inside the document lists the
     * revocation a minute before the trusted timestamp. DSS: INDETERMINATE, REVOKED_NO_POE (no proof
     * that the signature existed before the revocation); the signature's own signing time and its
     * timestamp both come after the revocation, so the verdict is INVALID, with the revocation's time.
     */
    @Test
    void aCertificateRevokedBeforeSigningIsNotValid() {
        OrganizationId organization = new OrganizationId(UUID.randomUUID());
        SigningCredential stolen = ca.credentialOf(organization, "Revoked Ltd.", new CountryCode("DE"));
        ca.revoke(organization, clock.instant().minusSeconds(60), 1);
        byte[] signed = TestSignatures.sign(document("Signed with a revoked key"),
                new TestSignatures.Signer(stolen.privateKey(), stolen.chain()), SignatureLevel.PAdES_BASELINE_LT, tsa,
                ca.caCertificates(), ca.crl(), clock.instant());

        Verdict verdict = verification.verify(signed);

        Verdict.Signature signature = verdict.signatures().getFirst();
        assertThat(verdict.outcome()).as(verdict.toString()).isEqualTo(Outcome.INVALID);
        assertThat(verdict.reason()).isEqualTo("revoked-before-signing");
        assertThat(verdict.validAndCurrent()).isFalse();
        assertThat(signature.revocation().status()).isEqualTo(Verdict.RevocationStatus.REVOKED);
        assertThat(signature.revocation().revokedAt()).isBefore(signature.trustedTime());
        assertThat(signature.subIndication()).as(verdict.toString()).isEqualTo("REVOKED_NO_POE");
    }

    /** DSS: TOTAL_PASSED — the timestamp proves the signature existed before the revocation. */
    @Test
    void aCertificateRevokedAfterTheTrustedTimestampStaysValid() {
        OrganizationId organization = new OrganizationId(UUID.randomUUID());
        SigningCredential credential = ca.credentialOf(organization, "Later Revoked Ltd.", new CountryCode("DE"));
        byte[] signed = signer.sign(document("Signed before the revocation"), credential, "Signs");
        // no log appends while the clock is moved: the log's heads must not go back in time
        clock.advance(Duration.ofMinutes(2));
        ca.revoke(organization, clock.instant(), 1);

        Verdict verdict = verification.verify(signed);

        assertThat(verdict.outcome()).as(verdict.toString()).isEqualTo(Outcome.VALID);
        Verdict.Signature signature = verdict.signatures().getFirst();
        assertThat(signature.revocation().status()).as(verdict.toString()).isEqualTo(Verdict.RevocationStatus.REVOKED);
        assertThat(signature.revocation().revokedAt()).isAfter(signature.trustedTime());
    }

    /** DSS: INDETERMINATE, NO_CERTIFICATE_CHAIN_FOUND — the signer's CA is not a trust anchor. */
    @Test
    void aCertificateFromAnUnknownCaIsNotTrusted() {
        Instant now = clock.instant();
        TestSignatures.Signer stranger = TestSignatures.unknownCaSigner("Stranger GmbH", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(365)));
        byte[] signed = TestSignatures.sign(document("Signed by a stranger"), stranger, SignatureLevel.PAdES_BASELINE_T,
                tsa, List.of(stranger.chain().getLast()), null, now);

        Verdict verdict = verification.verify(signed);

        assertThat(verdict.outcome()).as(verdict.toString()).isEqualTo(Outcome.INDETERMINATE);
        assertThat(verdict.signatures().getFirst().certificate().trusted()).isFalse();
        assertThat(verdict.signatures().getFirst().subIndication()).isEqualTo("NO_CERTIFICATE_CHAIN_FOUND");
        assertThat(verdict.signatures().getFirst().signer().commonName()).isEqualTo("Stranger GmbH");
    }

    /**
     * A platform certificate whose validity ended a year ago (issued with the clock three years
     * back), used for a B-B signature without a timestamp. DSS: INDETERMINATE,
     * CERTIFICATE_CHAIN_GENERAL_FAILURE, with "'signing-time' is not within the signing-certificate's
     * validity range" (and the CA's CRL, which drops expired certificates, does not cover it).
     */
    @Test
    void anExpiredCertificateWithoutTimestampIsNotValid() {
        OrganizationId organization = new OrganizationId(UUID.randomUUID());
        clock.advance(Duration.ofDays(-3 * 365));
        SigningCredential expired = ca.credentialOf(organization, "Expired Ltd.", new CountryCode("FR"));
        clock.reset();
        assertThat(expired.certificate().getNotAfter().toInstant()).isBefore(clock.instant());
        byte[] signed = TestSignatures.sign(document("Signed with an expired certificate"),
                new TestSignatures.Signer(expired.privateKey(), expired.chain()), SignatureLevel.PAdES_BASELINE_B, null,
                ca.caCertificates(), null, clock.instant());

        Verdict verdict = verification.verify(signed);

        Verdict.Signature signature = verdict.signatures().getFirst();
        assertThat(verdict.outcome()).as(verdict.toString()).isEqualTo(Outcome.INDETERMINATE);
        assertThat(signature.timestamped()).isFalse();
        assertThat(signature.certificate().validAtSigning()).isFalse();
        assertThat(signature.subIndication()).as(verdict.toString()).isEqualTo("CERTIFICATE_CHAIN_GENERAL_FAILURE");
        assertThat(signature.errors()).anyMatch(error -> error.contains("not within the signing-certificate's validity range"));
    }

    /**
     * A B-T signature carries no CRL, and this verifier has no CRL source (as offline): DSS cannot
     * know whether the certificate was revoked. DSS: INDETERMINATE, CERTIFICATE_CHAIN_GENERAL_FAILURE
     * ("No revocation data found for the certificate!").
     */
    @Test
    void missingRevocationDataIsIndeterminate() {
        SigningCredential credential = credential("No CRL Ltd.", "IT");
        byte[] signed = TestSignatures.sign(document("Signed at level T"),
                new TestSignatures.Signer(credential.privateKey(), credential.chain()), SignatureLevel.PAdES_BASELINE_T, tsa,
                ca.caCertificates(), null, clock.instant());
        DocumentVerification withoutCrl = new DssVerification(() -> {
            var verifier = new CommonCertificateVerifier();
            var anchors = new CommonTrustedCertificateSource();
            ca.caCertificates().forEach(c -> anchors.addCertificate(new CertificateToken(c)));
            verifier.setTrustedCertSources(anchors);
            verifier.setAIASource(null);
            return verifier;
        }, clock, hash -> Verdict.LogPosition.notLogged(0, false));

        Verdict verdict = withoutCrl.verify(signed);

        assertThat(verdict.outcome()).as(verdict.toString()).isEqualTo(Outcome.INDETERMINATE);
        assertThat(verdict.signatures().getFirst().revocation().status()).isEqualTo(Verdict.RevocationStatus.UNKNOWN);
        assertThat(verdict.signatures().getFirst().subIndication()).as(verdict.toString())
                .isEqualTo("CERTIFICATE_CHAIN_GENERAL_FAILURE");
        assertThat(verdict.signatures().getFirst().errors()).contains("No revocation data found for the certificate!");
    }

    @Test
    void aSupersededDocumentIsFlaggedWithItsReplacement() {
        byte[] signed = signer.sign(document("Version 1"), credential("Seller Ltd.", "CN"), "Seller signs");
        byte[] hash = trade.caravan.documents.Merkle.documentHash(signed);
        byte[] replacement = new byte[32];
        RANDOM.nextBytes(replacement);
        log.append(leaf(hash, DocumentStatus.ISSUED, null));
        long supersededAt = log.append(leaf(hash, DocumentStatus.SUPERSEDED, replacement)).leaf().index();

        Verdict verdict = verification.verify(signed);

        assertThat(verdict.outcome()).isEqualTo(Outcome.VALID);
        assertThat(verdict.validAndCurrent()).isFalse();
        assertThat(verdict.log().state()).isEqualTo(Verdict.LogState.SUPERSEDED);
        assertThat(verdict.log().replacedBy()).isEqualTo(HexFormat.of().formatHex(replacement));
        assertThat(verdict.log().leafIndex()).isEqualTo(supersededAt);
        assertThat(verdict.log().entries()).hasSize(2).allMatch(Verdict.LogEntry::proven);
        assertThat(verdict.log().proven()).isTrue();
    }

    @Test
    void anXxeDocumentIsRejectedWithoutReadingTheFile(@TempDir Path directory) throws Exception {
        Path secret = Files.writeString(directory.resolve("secret.txt"), "CANARY-7f3a");
        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"" + secret.toUri()
                + "\">]><x>&e;</x>").getBytes(StandardCharsets.UTF_8);
        byte[] passwd = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"
                .getBytes(StandardCharsets.UTF_8);

        for (byte[] hostile : List.of(xxe, passwd)) {
            Verdict verdict = verification.verify(hostile);
            assertThat(verdict.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(verdict.reason()).isEqualTo("xml-doctype");
            assertThat(verdict.toString()).doesNotContain("CANARY", "root:");
        }
    }

    @Test
    void aBillionLaughsDocumentIsRejected() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            xml.append("<!ENTITY lol").append(i).append(" \"");
            xml.append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        xml.append("]><lolz>&lol9;</lolz>");

        Verdict verdict = verification.verify(xml.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(verdict.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(verdict.reason()).isEqualTo("xml-doctype");
    }

    /** What DSS itself parses (policies, reports, and XML signatures where its XAdES module is used) is hardened too. */
    @Test
    void dssOwnXmlParserRefusesDoctypes() throws Exception {
        var builder = XmlDefinerUtils.getInstance().getSecureDocumentBuilderFactory().newDocumentBuilder();
        builder.setErrorHandler(null);
        byte[] xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"
                .getBytes(StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder.parse(new java.io.ByteArrayInputStream(xxe)))
                .isInstanceOf(org.xml.sax.SAXParseException.class).hasMessageContaining("DOCTYPE");
        // what the XAdES validation parses a signed XML file with
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> eu.europa.esig.dss.xml.utils.DomUtils.buildDOM(xxe))
                .hasMessageContaining("DOCTYPE");
    }

    /** Even past the first parser (which refuses it anyway), DSS's XAdES validation refuses a signed file with a DOCTYPE. */
    @Test
    void aSignedXmlWithADoctypeIsRejectedBeforeDssSeesIt() {
        byte[] xml = ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<x>&e;<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"/></x>").getBytes(StandardCharsets.UTF_8);

        Verdict verdict = verification.verify(xml);

        assertThat(verdict.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(verdict.reason()).isEqualTo("xml-doctype");
    }

    /** DSS with its XAdES module: TOTAL_PASSED, XAdES-BASELINE-LT; the same file with a changed amount TOTAL_FAILED. */
    @Test
    void aSignedXmlIsValidAsXadesAndInvalidOnceChanged() {
        SigningCredential seller = credential("XML Seller Ltd.", "CN");
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">"
                + "<ID>INV-1</ID><Amount>12400.00</Amount></Invoice>").getBytes(StandardCharsets.UTF_8);
        byte[] signed = TestSignatures.signXml(xml, new TestSignatures.Signer(seller.privateKey(), seller.chain()),
                SignatureLevel.XAdES_BASELINE_LT, tsa, ca.caCertificates(), ca.crl());

        Verdict verdict = verification.verify(signed);

        assertThat(verdict.format()).isEqualTo(Verdict.Format.XML);
        assertThat(verdict.outcome()).as(verdict.toString()).isEqualTo(Outcome.VALID);
        assertThat(verdict.signatures().getFirst().level()).isEqualTo("XAdES-BASELINE-LT");
        assertThat(verdict.signatures().getFirst().signer().commonName()).isEqualTo("XML Seller Ltd.");
        assertThat(verdict.unchanged()).isTrue();

        byte[] changed = new String(signed, StandardCharsets.UTF_8).replace("12400.00", "92400.00")
                .getBytes(StandardCharsets.UTF_8);
        Verdict tampered = verification.verify(changed);
        assertThat(tampered.outcome()).as(tampered.toString()).isEqualTo(Outcome.INVALID);
        assertThat(tampered.signatures().getFirst().subIndication()).isEqualTo("HASH_FAILURE");
    }

    @Test
    void garbageAnUnsignedPdfAndPlainXmlGetTheirOwnAnswers() {
        byte[] garbage = new byte[4096];
        RANDOM.nextBytes(garbage);
        garbage[0] = 'G';
        assertThat(verification.verify(garbage).outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(verification.verify(garbage).reason()).isEqualTo("not-a-document");
        assertThat(verification.verify(new byte[0]).outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(verification.verify(new byte[DocumentVerification.MAX_BYTES + 1]).reason()).isEqualTo("too-large");

        byte[] broken = "%PDF-1.7\n1 0 obj garbage".getBytes(StandardCharsets.US_ASCII);
        Verdict brokenPdf = verification.verify(broken);
        assertThat(brokenPdf.outcome()).isIn(Outcome.REJECTED, Outcome.UNSIGNED);

        Verdict unsigned = verification.verify(document("Not signed"));
        assertThat(unsigned.outcome()).isEqualTo(Outcome.UNSIGNED);
        assertThat(unsigned.log().state()).isEqualTo(Verdict.LogState.NOT_LOGGED);

        Verdict xml = verification.verify("<?xml version=\"1.0\"?><Invoice xmlns=\"urn:x\"><ID>1</ID></Invoice>"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(xml.outcome()).isEqualTo(Outcome.UNSIGNED);
        assertThat(xml.format()).isEqualTo(Verdict.Format.XML);
    }

    private byte[] document(String text) {
        return pdf.render("""
                <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Contract</title>
                <style>body { font-family: 'Caravan Sans'; }</style></head>
                <body><p>%s</p></body></html>""".formatted(text), "Contract", Locale.ENGLISH, List.of());
    }

    private SigningCredential credential(String name, String country) {
        return ca.credentialOf(new OrganizationId(UUID.randomUUID()), name, new CountryCode(country));
    }

    static LogLeaf leaf(byte[] hash, DocumentStatus status, byte @org.jspecify.annotations.Nullable [] replacement) {
        return new LogLeaf(hash, "CONTRACT", status, new OrganizationId(UUID.randomUUID()), null, Instant.now(), replacement);
    }
}
