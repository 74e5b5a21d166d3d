package trade.caravan.documents.transparency;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

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

    private static final int BATCH = 4096;

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
        List<SignedTreeHead> batch = new ArrayList<>(BATCH);
        Runnable checkBatch = () -> {
            if (problem[0] == null && !batch.isEmpty()) {
                boolean[] signed = signaturesValid(batch, keys);
                for (int i = 0; i < batch.size() && problem[0] == null; i++) {
                    SignedTreeHead head = batch.get(i);
                    heads[0]++;
                    problem[0] = headProblem(head, latest[0], tree, keys, signed[i]);
                    latest[0] = head;
                }
            }
            batch.clear();
        };
        store.heads(head -> {
            if (problem[0] != null) {
                return;
            }
            batch.add(head);
            if (batch.size() == BATCH) {
                checkBatch.run();
            }
        });
        checkBatch.run();
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

    /**
     * The heads' signatures checked on every core: one head per document makes signature checks
     * nearly all of a full check's work (bench/documents/logcheck.sh).
     */
    private static boolean[] signaturesValid(List<SignedTreeHead> batch, Map<String, PublicKey> keys) {
        boolean[] valid = new boolean[batch.size()];
        IntStream.range(0, batch.size()).parallel().forEach(i -> {
            PublicKey key = keys.get(batch.get(i).keyId());
            valid[i] = key != null && batch.get(i).verify(key);
        });
        return valid;
    }

    private static @Nullable String headProblem(SignedTreeHead head, @Nullable SignedTreeHead previous, MerkleTree tree,
            Map<String, PublicKey> keys, boolean signatureValid) {
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
        if (!signatureValid) {
            return "the signature of the head of " + head.treeSize() + " leaves is not valid";
        }
        Instant before = previous == null ? Instant.EPOCH : previous.timestamp();
        if (head.timestamp().isBefore(before)) {
            return "the head of " + head.treeSize() + " leaves is older than the head before it";
        }
        return null;
    }
}
