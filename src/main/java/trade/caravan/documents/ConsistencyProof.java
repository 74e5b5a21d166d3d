package trade.caravan.documents;

import java.util.List;

/** The proof of RFC 9162 that the tree of {@code second} leaves extends the tree of {@code first}: nothing rewritten. */
public record ConsistencyProof(long first, long second, List<byte[]> path) {

    public ConsistencyProof {
        path = path.stream().map(byte[]::clone).toList();
    }

    /** Whether this proves that {@code later} extends {@code earlier}. */
    public boolean verify(SignedTreeHead earlier, SignedTreeHead later) {
        return earlier.treeSize() == first && later.treeSize() == second
                && Merkle.verifyConsistency(first, second, earlier.rootHash(), later.rootHash(), path);
    }
}
