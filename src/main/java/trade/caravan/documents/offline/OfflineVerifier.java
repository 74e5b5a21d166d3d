package trade.caravan.documents.offline;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;

import trade.caravan.documents.DocumentVerification;
import trade.caravan.documents.LogKey;
import trade.caravan.documents.LogReceipt;
import trade.caravan.documents.Merkle;
import trade.caravan.documents.Verdict;
import trade.caravan.documents.verification.DssVerification;

/**
 * Verifies a document without the server: its PAdES signatures with EU DSS, trusting only the
 * given CA certificate(s) and using only the validation data inside the document (a B-LT document
 * carries its CRL; nothing is fetched), and, given a receipt, that the transparency log holds the
 * document: each leaf is about the document's SHA-256, its audit path leads to the receipt's head,
 * and the head is signed by one of the given log keys.
 *
 * <p>Exit codes: 0 valid (and, with a receipt, logged and current), 1 invalid (a failed
 * signature, a receipt that does not prove the document, or a document the log says was
 * superseded or revoked), 2 indeterminate or a usage error.
 */
public final class OfflineVerifier {

    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int INDETERMINATE = 2;

    private static final String USAGE = """
            usage: java -jar caravan.jar verify --document FILE --trust-anchor CA.crt --log-key KEYS.json [--receipt RECEIPT.json]
              --document      the PDF (or XML) file to check
              --trust-anchor  the platform's CA certificate, PEM or DER (GET /pki/ca.crt)
              --log-key       the transparency log's keys as JSON (GET /api/v1/transparency/keys)
              --receipt       the document's log receipt (GET /api/v1/transparency/receipt?document=<sha-256>)
            exit code: 0 valid, 1 invalid, 2 indeterminate or usage error""";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OfflineVerifier() {
    }

    /** What the offline check found, and the exit code it means. */
    public record Result(int exitCode, Verdict verdict, @Nullable String receiptProblem) {
    }

    /** The command line: parses the arguments, prints the result to {@code out}, returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!List.of("--document", "--trust-anchor", "--log-key", "--receipt").contains(name) || i + 1 >= args.length) {
                err.println("Unknown or incomplete option: " + name);
                err.println(USAGE);
                return INDETERMINATE;
            }
            options.put(name, args[++i]);
        }
        if (!options.keySet().containsAll(List.of("--document", "--trust-anchor", "--log-key"))) {
            err.println(USAGE);
            return INDETERMINATE;
        }
        byte[] document;
        List<X509Certificate> anchors;
        Map<String, PublicKey> keys;
        LogReceipt receipt = null;
        try {
            Path documentFile = Path.of(options.get("--document"));
            if (Files.size(documentFile) > DocumentVerification.MAX_BYTES) {
                err.println("The document is larger than " + DocumentVerification.MAX_BYTES / (1024 * 1024) + " MB.");
                return INDETERMINATE;
            }
            document = Files.readAllBytes(documentFile);
            anchors = trustAnchors(Files.readAllBytes(Path.of(options.get("--trust-anchor"))));
            keys = logKeys(Files.readAllBytes(Path.of(options.get("--log-key"))));
            if (options.containsKey("--receipt")) {
                receipt = LogReceipt.fromJson(Files.readAllBytes(Path.of(options.get("--receipt"))));
            }
        } catch (IOException | IllegalArgumentException e) {
            err.println("Cannot read the input: " + e.getMessage());
            return INDETERMINATE;
        }
        Result result = verify(document, anchors, keys, receipt, Clock.systemUTC());
        print(result, receipt != null, out);
        return result.exitCode();
    }

    /** The check itself, for callers that have the inputs in memory. */
    public static Result verify(byte[] document, List<X509Certificate> trustAnchors, Map<String, PublicKey> logKeys,
            @Nullable LogReceipt receipt, Clock clock) {
        byte[] sha256 = Merkle.documentHash(document);
        String receiptProblem = null;
        if (receipt != null && !MessageDigest.isEqual(receipt.document(), sha256)) {
            receiptProblem = "The receipt is for another document (" + HexFormat.of().formatHex(receipt.document()) + ").";
        }
        DssVerification verification = new DssVerification(() -> offlineVerifier(trustAnchors), clock,
                hash -> receipt == null ? Verdict.LogPosition.notLogged(0, false) : receipt.check(hash, logKeys));
        Verdict verdict = verification.verify(document);
        if (receipt != null && receiptProblem == null && !verdict.log().proven()) {
            receiptProblem = "The receipt does not prove the document is in the log (a leaf, its audit path or the head's signature does not verify).";
        }
        if (receipt != null && receiptProblem == null && verdict.log().entries().isEmpty()) {
            receiptProblem = "The receipt holds no leaf about this document.";
        }
        return new Result(exitCode(verdict, receipt != null, receiptProblem), verdict, receiptProblem);
    }

    private static int exitCode(Verdict verdict, boolean withReceipt, @Nullable String receiptProblem) {
        if (receiptProblem != null) {
            return INVALID;
        }
        boolean withdrawn = verdict.log().state() == Verdict.LogState.SUPERSEDED
                || verdict.log().state() == Verdict.LogState.REVOKED;
        return switch (verdict.outcome()) {
            case VALID -> withdrawn ? INVALID : VALID;
            case INVALID -> INVALID;
            case UNSIGNED -> !withReceipt ? INDETERMINATE : withdrawn ? INVALID : VALID;
            case INDETERMINATE, REJECTED -> INDETERMINATE;
        };
    }

    /** DSS with the given anchors and nothing else: no CRL or OCSP fetching, no download of missing certificates. */
    static CommonCertificateVerifier offlineVerifier(List<X509Certificate> trustAnchors) {
        var verifier = new CommonCertificateVerifier();
        var trusted = new CommonTrustedCertificateSource();
        trustAnchors.forEach(certificate -> trusted.addCertificate(new CertificateToken(certificate)));
        verifier.setTrustedCertSources(trusted);
        verifier.setAIASource(null);
        verifier.setCrlSource(null);
        verifier.setOcspSource(null);
        return verifier;
    }

    /** One or more certificates, PEM or DER. */
    public static List<X509Certificate> trustAnchors(byte[] file) {
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(file))) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("No certificate in the trust anchor file");
            }
            return certificates;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The trust anchor is not a certificate (PEM or DER)", e);
        }
    }

    /**
     * The log's keys as {@code GET /api/v1/transparency/keys} gives them (an array, or one of its
     * objects), by key id. The id is computed from the key, not taken from the file.
     */
    public static Map<String, PublicKey> logKeys(byte[] json) {
        try {
            JsonNode root = JSON.readTree(json);
            List<JsonNode> nodes = new ArrayList<>();
            if (root != null && root.isArray()) {
                root.forEach(nodes::add);
            } else if (root != null && root.isObject()) {
                nodes.add(root);
            }
            Map<String, PublicKey> keys = new LinkedHashMap<>();
            for (JsonNode node : nodes) {
                JsonNode encoded = node.get("publicKey");
                if (encoded == null || encoded.isNull()) {
                    throw new IllegalArgumentException("A log key without publicKey");
                }
                byte[] spki = Base64.getDecoder().decode(encoded.asString());
                String id = LogKey.idOf(spki);
                keys.put(id, new LogKey(id, spki, java.time.Instant.EPOCH, null).toPublicKey());
            }
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("No log key in the file");
            }
            return keys;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("The log key file is not JSON", e);
        }
    }

    private static void print(Result result, boolean withReceipt, PrintStream out) {
        Verdict verdict = result.verdict();
        out.println("Document SHA-256: " + verdict.sha256());
        out.println("Format: " + verdict.format());
        out.println("Result: " + switch (result.exitCode()) {
            case VALID -> "VALID";
            case INVALID -> "INVALID";
            default -> "INDETERMINATE";
        } + " (signatures: " + verdict.outcome() + (verdict.reason() == null ? "" : ", " + verdict.reason()) + ")");
        out.println("Unchanged since signing: " + (verdict.unchanged() ? "yes" : "no"));
        for (Verdict.Signature s : verdict.signatures()) {
            out.println("Signature " + s.id());
            out.println("  signer: " + s.signer().commonName() + ", " + s.signer().organization() + ", " + s.signer().country());
            out.println("  DSS: " + s.indication() + (s.subIndication() == null ? "" : " / " + s.subIndication())
                    + ", level " + s.level());
            out.println("  signed at: " + (s.trustedTime() != null ? s.trustedTime() + " (trusted timestamp)"
                    : s.claimedTime() + " (claimed by the signer, no trusted timestamp)"));
            out.println("  certificate: serial " + s.certificate().serial() + ", issuer " + s.certificate().issuer()
                    + ", " + (s.certificate().trusted() ? "chains to the trust anchor" : "does NOT chain to the trust anchor")
                    + ", " + (s.certificate().validAtSigning() ? "valid at signing time" : "NOT valid at signing time"));
            out.println("  revocation: " + s.revocation().status()
                    + (s.revocation().revokedAt() == null ? "" : " at " + s.revocation().revokedAt()));
            s.errors().forEach(error -> out.println("  error: " + error));
        }
        if (!withReceipt) {
            out.println("Transparency log: not checked (no receipt given)");
        } else if (result.receiptProblem() != null) {
            out.println("Transparency log: " + result.receiptProblem());
        } else {
            Verdict.LogPosition log = verdict.log();
            out.println("Transparency log: " + log.state() + ", leaf " + log.leafIndex() + " of a tree of " + log.treeSize()
                    + " leaves, inclusion proven against the signed head"
                    + (log.replacedBy() == null ? "" : "; replaced by " + log.replacedBy()));
        }
    }
}
