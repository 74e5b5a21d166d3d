package trade.caravan.documents;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What {@link DocumentVerification} found. {@link #outcome()} is VALID only when every signature
 * passed DSS's validation in full (TOTAL_PASSED); INDETERMINATE (DSS could not decide, e.g. no
 * revocation data or no trusted chain) is never shown as valid. {@link #reason()} is a short code
 * (a message key suffix) saying why the outcome is not VALID, or {@code null}.
 *
 * @param unchanged whether the document is signed and every signature covers its bytes intact
 *                  (only the validation material DSS appends may follow a signature)
 * @param sha256    the hex SHA-256 of the bytes checked: what the transparency log is searched for
 *                  (empty for an empty or oversized file)
 * @param log       where the log has the document; for a REJECTED file the log is not consulted
 *                  and this says NOT_LOGGED with a tree size of 0
 */
public record Verdict(Outcome outcome, @Nullable String reason, Format format, boolean unchanged, String sha256,
        List<Signature> signatures, LogPosition log) {

    public Verdict {
        signatures = List.copyOf(signatures);
    }

    public enum Outcome {
        /** Every signature valid (DSS TOTAL_PASSED). */
        VALID,
        /** DSS could not decide (INDETERMINATE), or the document changed after its signatures. */
        INDETERMINATE,
        /** A signature failed (DSS TOTAL_FAILED): changed bytes, a broken signature, a revoked certificate. */
        INVALID,
        /** No signature at all: only its place in the log can be checked. */
        UNSIGNED,
        /** Not checked: not a PDF or XML document, too large, or hostile XML. */
        REJECTED
    }

    public enum Format {
        PDF, XML, UNKNOWN
    }

    /** Whether the verdict may be shown as valid: every signature valid and the log does not withdraw it. */
    @JsonProperty("validAndCurrent")
    public boolean validAndCurrent() {
        return outcome == Outcome.VALID && (log.state() == LogState.ISSUED || log.state() == LogState.NOT_LOGGED);
    }

    /**
     * One signature as DSS judged it.
     *
     * @param indication    DSS's indication (TOTAL_PASSED, TOTAL_FAILED, INDETERMINATE)
     * @param subIndication DSS's sub-indication when not passed (e.g. HASH_FAILURE, REVOKED_NO_POE)
     * @param level         the signature's format and level, e.g. PAdES-BASELINE-LT
     * @param intact        whether the signed bytes and the signature value check out
     * @param trustedTime   the time of the earliest valid, trusted timestamp over the signature
     * @param claimedTime   the signing time the signer wrote in, not proven
     * @param errors        DSS's validation errors, as DSS words them (English)
     */
    public record Signature(String id, Outcome outcome, String indication, @Nullable String subIndication,
            @Nullable String level, boolean intact, Signer signer, @Nullable Instant trustedTime,
            @Nullable Instant claimedTime, Certificate certificate, Revocation revocation, List<String> errors) {

        public Signature {
            errors = List.copyOf(errors);
        }

        @JsonProperty("timestamped")
        public boolean timestamped() {
            return trustedTime != null;
        }
    }

    /** Who signed, as the signing certificate names them. */
    public record Signer(@Nullable String commonName, @Nullable String organization, @Nullable String country) {
    }

    /**
     * The signing certificate.
     *
     * @param validAtSigning whether the signing time (trusted, else claimed) falls within its validity
     * @param trusted        whether it chains to a trust anchor the verifier holds
     */
    public record Certificate(@Nullable String serial, @Nullable String issuer, @Nullable Instant notBefore,
            @Nullable Instant notAfter, boolean validAtSigning, boolean trusted) {
    }

    /** What the revocation data found (embedded in the document or asked of the CA) says of the signing certificate. */
    public record Revocation(RevocationStatus status, @Nullable Instant revokedAt, @Nullable String reason,
            @Nullable Instant checkedAt) {

        public static Revocation unknown() {
            return new Revocation(RevocationStatus.UNKNOWN, null, null, null);
        }
    }

    public enum RevocationStatus {
        GOOD, REVOKED, UNKNOWN
    }

    public enum LogState {
        NOT_LOGGED, ISSUED, SUPERSEDED, REVOKED
    }

    /**
     * Where the transparency log has the document.
     *
     * @param replacedBy   for a superseded document, the hex SHA-256 of the version that replaced it
     * @param leafIndex    the newest leaf about the document
     * @param treeSize     the size of the signed head the proofs were checked against
     * @param proven       whether the head's signature and every leaf's inclusion proof verify
     * @param entries      every leaf about the document, oldest first
     */
    public record LogPosition(LogState state, @Nullable String documentType, @Nullable String replacedBy,
            @Nullable Long leafIndex, long treeSize, boolean proven, List<LogEntry> entries) {

        public LogPosition {
            entries = List.copyOf(entries);
        }

        public static LogPosition notLogged(long treeSize, boolean headVerified) {
            return new LogPosition(LogState.NOT_LOGGED, null, null, null, treeSize, headVerified, List.of());
        }
    }

    /** One leaf about the document: its position, what it says, and whether its inclusion proof verified. */
    public record LogEntry(long index, DocumentStatus status, Instant loggedAt, boolean proven) {
    }
}
