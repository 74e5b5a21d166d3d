package trade.caravan.documents;

/**
 * What a leaf of the transparency log says of a document: issued, or later replaced by a newer
 * version (superseded) or withdrawn by its issuer (revoked). A status change is a new leaf; no
 * leaf is ever changed.
 */
public enum DocumentStatus {
    ISSUED, SUPERSEDED, REVOKED
}
