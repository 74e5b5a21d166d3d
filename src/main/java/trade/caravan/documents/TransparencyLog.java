package trade.caravan.documents;

import java.util.List;

/**
 * The append-only log of issued documents (RFC 9162 style). Appending joins the caller's
 * transaction, so a document and its leaf commit together or not at all; appends are serialized
 * until that commit, so append last. Each append signs a new tree head.
 */
public interface TransparencyLog {

    /** Appends {@code leaf}; refused (IllegalStateException) while the log's start-up check found it tampered with. */
    Appended append(LogLeaf leaf);

    /** The newest signed tree head. */
    SignedTreeHead head();

    /** The signed head the log made when it had {@code treeSize} leaves. */
    SignedTreeHead head(long treeSize);

    InclusionProof inclusion(long leafIndex, long treeSize);

    ConsistencyProof consistency(long first, long second);

    /** Every leaf about the document with this SHA-256, oldest first. */
    List<LoggedLeaf> leavesOf(byte[] documentHash);

    /** Every key the log has signed with, the current one last. */
    List<LogKey> keys();

    /** What an append gives back: the leaf where it sits, and the head that includes it. */
    record Appended(LoggedLeaf leaf, SignedTreeHead head) {
    }
}
