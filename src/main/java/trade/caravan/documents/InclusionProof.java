package trade.caravan.documents;

import java.util.List;

/** The audit path of RFC 9162 proving that leaf {@code leafIndex} is in the tree of {@code treeSize} leaves. */
public record InclusionProof(long leafIndex, long treeSize, List<byte[]> path) {

    public InclusionProof {
        path = path.stream().map(byte[]::clone).toList();
    }

    /** Whether this proves {@code leafHash} at {@code leafIndex} under {@code head}. */
    public boolean verify(byte[] leafHash, SignedTreeHead head) {
        return head.treeSize() == treeSize && Merkle.verifyInclusion(leafIndex, treeSize, leafHash, path, head.rootHash());
    }
}
