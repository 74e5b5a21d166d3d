package trade.caravan.documents.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import trade.caravan.documents.DocumentStatus;
import trade.caravan.documents.LogLeaf;
import trade.caravan.documents.PdfDocuments;
import trade.caravan.documents.TransparencyLog;
import trade.caravan.documents.pki.CertificateAuthority;
import trade.caravan.documents.pki.SigningCredential;
import trade.caravan.documents.pki.TimestampAuthority;
import trade.caravan.documents.signing.PadesSigner;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.OrganizationId;
import trade.caravan.support.IntegrationTest;

/**
 * The offline verifier, as a bank would run it: a signed contract, the CA certificate from
 * {@code /pki/ca.crt}, the log's keys from {@code /api/v1/transparency/keys} and the receipt from
 * {@code /api/v1/transparency/receipt}, written to files; the command line gives its verdict and
 * exit code from those files alone.
 */
@IntegrationTest
class OfflineVerifierTests {

    @Autowired
    PadesSigner signer;
    @Autowired
    CertificateAuthority ca;
    @Autowired
    PdfDocuments pdf;
    @Autowired
    TransparencyLog log;
    @Autowired
    MockMvc mvc;
    @Autowired
    TimestampAuthority tsa;

    @Test
    void aSignedLoggedDocumentVerifiesFromFilesAlone(@TempDir Path directory) throws Exception {
        Inputs files = inputs(directory, signedAndLogged());
        String[] args = {"--document", files.document().toString(), "--trust-anchor", files.caCertificate().toString(),
                "--log-key", files.logKeys().toString(), "--receipt", files.receipt().toString()};

        Run run = run(args);

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(OfflineVerifier.VALID);
        assertThat(run.out()).contains("Result: VALID", "PAdES-BASELINE-LT", "Offline Seller Ltd.",
                "Transparency log: ISSUED", "trusted timestamp", "chains to the trust anchor");
    }

    @Test
    void withoutAReceiptTheSignaturesAloneDecide(@TempDir Path directory) throws Exception {
        Inputs files = inputs(directory, signedAndLogged());

        Run run = run(new String[] {"--document", files.document().toString(), "--trust-anchor",
                files.caCertificate().toString(), "--log-key", files.logKeys().toString()});

        assertThat(run.exitCode()).as(run.out()).isEqualTo(OfflineVerifier.VALID);
        assertThat(run.out()).contains("Transparency log: not checked");
    }

    @Test
    void aChangedDocumentOrAnotherDocumentsReceiptIsInvalid(@TempDir Path directory) throws Exception {
        Inputs files = inputs(directory, signedAndLogged());
        byte[] changed = Files.readAllBytes(files.document());
        changed[changed.length / 4] ^= 0x01;
        Path changedFile = Files.write(directory.resolve("changed.pdf"), changed);

        Run run = run(new String[] {"--document", changedFile.toString(), "--trust-anchor", files.caCertificate().toString(),
                "--log-key", files.logKeys().toString(), "--receipt", files.receipt().toString()});

        assertThat(run.exitCode()).as(run.out()).isEqualTo(OfflineVerifier.INVALID);
        assertThat(run.out()).contains("The receipt is for another document");
    }

    @Test
    void aForgedHeadSignatureIsCaught(@TempDir Path directory) throws Exception {
        Inputs files = inputs(directory, signedAndLogged());
        String receipt = Files.readString(files.receipt());
        String signature = receipt.replaceAll("(?s).*\"signature\" : \"([^\"]+)\".*", "$1");
        char first = signature.charAt(0);
        Files.writeString(files.receipt(),
                receipt.replace(signature, (first == 'A' ? 'B' : 'A') + signature.substring(1)));

        Run run = run(new String[] {"--document", files.document().toString(), "--trust-anchor",
                files.caCertificate().toString(), "--log-key", files.logKeys().toString(), "--receipt",
                files.receipt().toString()});

        assertThat(run.exitCode()).as(run.out()).isEqualTo(OfflineVerifier.INVALID);
        assertThat(run.out()).contains("does not prove the document is in the log");
    }

    @Test
    void anotherTrustAnchorMakesItIndeterminate(@TempDir Path directory) throws Exception {
        Inputs files = inputs(directory, signedAndLogged());
        // the timestamp authority's own certificate is no CA of the signer: nothing chains to it
        Path anchor = Files.write(directory.resolve("other-ca.der"), tsa.chain().getFirst().getEncoded());

        Run run = run(new String[] {"--document", files.document().toString(), "--trust-anchor", anchor.toString(),
                "--log-key", files.logKeys().toString()});

        assertThat(run.exitCode()).as(run.out()).isEqualTo(OfflineVerifier.INDETERMINATE);
        assertThat(run.out()).contains("does NOT chain to the trust anchor");
    }

    @Test
    void aWrongCommandLineIsAUsageError() {
        Run run = run(new String[] {"--document"});
        assertThat(run.exitCode()).isEqualTo(OfflineVerifier.INDETERMINATE);
        assertThat(run.err()).contains("usage: java -jar caravan.jar verify");
    }

    private byte[] signedAndLogged() {
        byte[] document = pdf.render("""
                <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Contract</title>
                <style>body { font-family: 'Caravan Sans'; }</style></head>
                <body><p>Offline check</p></body></html>""", "Contract", Locale.ENGLISH, List.of());
        SigningCredential seller = ca.credentialOf(new OrganizationId(UUID.randomUUID()), "Offline Seller Ltd.",
                new CountryCode("CN"));
        byte[] signed = signer.sign(document, seller, "Seller signs");
        log.append(new LogLeaf(sha256(signed), "CONTRACT", DocumentStatus.ISSUED, seller.organization(), null,
                Instant.now(), null));
        return signed;
    }

    private record Inputs(Path document, Path caCertificate, Path logKeys, Path receipt) {
    }

    /** The document and what a verifier downloads once from the installation, as files. */
    private Inputs inputs(Path directory, byte[] signed) throws Exception {
        String hash = HexFormat.of().formatHex(sha256(signed));
        byte[] caCertificate = mvc.perform(get("/pki/ca.crt")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        byte[] keys = mvc.perform(get("/api/v1/transparency/keys")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        byte[] receipt = mvc.perform(get("/api/v1/transparency/receipt").param("document", hash))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("receipt-")))
                .andReturn().getResponse().getContentAsByteArray();
        return new Inputs(Files.write(directory.resolve("contract.pdf"), signed),
                Files.write(directory.resolve("ca.crt"), caCertificate), Files.write(directory.resolve("keys.json"), keys),
                Files.write(directory.resolve("receipt.json"), receipt));
    }

    @Test
    void aDocumentTheLogDoesNotHoldHasNoReceipt() throws Exception {
        mvc.perform(get("/api/v1/transparency/receipt").param("document", "00".repeat(32))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/transparency/receipt").param("document", "xyz")).andExpect(status().isBadRequest());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String[] args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = OfflineVerifier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
