package trade.caravan.documents;

/**
 * Checks a document someone holds — a signed PDF, or an XML file — as a bank or a customs broker
 * would: whether its signatures are valid (EU DSS, trusting the platform's CA), who signed it and
 * when by a trusted timestamp, whether its bytes are unchanged since, and where the transparency
 * log has it (issued, superseded, revoked, or not logged), with the log's proof checked against
 * its current signed head. The answer holds only what the document itself says and the log's
 * leaves about its hash: identifiers in leaves are never resolved to names.
 *
 * <p>Never throws for what a user uploads: garbage, hostile XML and oversized input get a
 * {@link Verdict.Outcome#REJECTED} verdict with a reason.
 */
public interface DocumentVerification {

    /** The largest document checked: 20 MB. */
    int MAX_BYTES = 20 * 1024 * 1024;

    Verdict verify(byte[] document);
}
