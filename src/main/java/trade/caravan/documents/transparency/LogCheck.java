package trade.caravan.documents.transparency;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import trade.caravan.documents.LogLeaf;
import trade.caravan.documents.Merkle;
import trade.caravan.documents.SignedTreeHead;

/**
 * Rebuilds the tree from the stored leaves and holds it against everything stored beside them:
 * each leaf's hash is recomputed from its bytes and its columns from what the bytes say; the
 * indexes run from 0 without a gap; every stored head's root is recomputed for its size and its
 * signature checked with the key it names; the newest head covers every leaf and agrees with the
 * recorded tree size. The first disagreement is reported; nothing is repaired.
 */
final class LogCheck {

    /** The outcome; {@code tree} is the rebuilt tree when the log is intact. */
    record Report(boolean intact, long leaves, long heads, @Nullable String problem, @Nullable MerkleTree tree) {
    }

    private LogCheck() {
    }

    static Report run(LogStore store, Map<String, PublicKey> keys) {
        MerkleTree tree = new MerkleTree();
        String[] problem = {null};
        store.leaves(0, Long.MAX_VALUE, leaf -> {
            if (problem[0] == null) {
                problem[0] = leafProblem(leaf, tree.size());
                if (problem[0] == null) {
                    tree.append(leaf.hash());
                }
            }
        });
        long leaves = tree.size();
        if (problem[0] == null && store.leafCount() != leaves) {
            problem[0] = "leaf " + leaves + " is missing";
        }
        long[] heads = {0};
        SignedTreeHead[] latest = {null};
        store.heads(head -> {
            if (problem[0] != null) {
                return;
            }
            heads[0]++;
            problem[0] = headProblem(head, latest[0], tree, keys);
            latest[0] = head;
        });
        if (problem[0] == null) {
            long recorded = store.size();
            long covered = latest[0] == null ? 0 : latest[0].treeSize();
            if (covered != leaves || recorded != leaves) {
                problem[0] = "the log has " + leaves + " leaves, its newest head covers " + covered
                        + " and its recorded size is " + recorded;
            }
        }
        return problem[0] == null ? new Report(true, leaves, heads[0], null, tree)
                : new Report(false, leaves, heads[0], problem[0], null);
    }

    private static @Nullable String leafProblem(LogStore.StoredLeaf leaf, long expectedIndex) {
        if (leaf.index() != expectedIndex) {
            return "leaf " + expectedIndex + " is missing";
        }
        if (!MessageDigest.isEqual(Merkle.leafHash(leaf.input()), leaf.hash())) {
            return "leaf " + leaf.index() + " does not hash to its stored hash";
        }
        LogLeaf said;
        try {
            said = LogLeaf.decode(leaf.input());
        } catch (IllegalArgumentException e) {
            return "leaf " + leaf.index() + " is not a log leaf: " + e.getMessage();
        }
        boolean same = Arrays.equals(said.documentHash(), leaf.documentHash())
                && said.documentType().equals(leaf.documentType()) && said.status() == leaf.status()
                && said.issuer().value().equals(leaf.issuer()) && Objects.equals(said.trade(), leaf.trade())
                && said.loggedAt().equals(leaf.loggedAt());
        return same ? null : "leaf " + leaf.index() + ": the columns differ from the leaf's bytes";
    }

    private static @Nullable String headProblem(SignedTreeHead head, @Nullable SignedTreeHead previous, MerkleTree tree,
            Map<String, PublicKey> keys) {
        if (head.treeSize() > tree.size()) {
            return "the head of " + head.treeSize() + " leaves is beyond the " + tree.size() + " leaves stored";
        }
        if (!MessageDigest.isEqual(tree.root(head.treeSize()), head.rootHash())) {
            return "the head of " + head.treeSize() + " leaves does not match the tree recomputed from the leaves";
        }
        PublicKey key = keys.get(head.keyId());
        if (key == null) {
            return "the head of " + head.treeSize() + " leaves names a key that is not the log's: " + head.keyId();
        }
        if (!head.verify(key)) {
            return "the signature of the head of " + head.treeSize() + " leaves is not valid";
        }
        Instant before = previous == null ? Instant.EPOCH : previous.timestamp();
        if (head.timestamp().isBefore(before)) {
            return "the head of " + head.treeSize() + " leaves is older than the head before it";
        }
        return null;
    }
}
