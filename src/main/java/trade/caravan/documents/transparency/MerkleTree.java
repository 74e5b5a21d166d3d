package trade.caravan.documents.transparency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import trade.caravan.documents.Merkle;

/**
 * The log's tree in memory: for each level {@code k}, the hashes of the complete subtrees of
 * {@code 2^k} leaves, in one flat array per level (32 bytes a node; about 64 MB for a million
 * leaves). A complete subtree never changes once full, so any root, inclusion path or consistency
 * proof of RFC 9162 over any tree size up to the current one takes O(log² n) hashes at most.
 * Not thread-safe: its owner serializes access.
 */
final class MerkleTree {

    private static final int H = Merkle.HASH_BYTES;

    /** levels.get(k) holds the complete subtrees of 2^k leaves, count(k) of them. */
    private final List<byte[]> levels = new ArrayList<>();
    private final List<Long> counts = new ArrayList<>();

    long size() {
        return counts.isEmpty() ? 0 : counts.getFirst();
    }

    void append(byte[] leafHash) {
        if (leafHash.length != H) {
            throw new IllegalArgumentException("A leaf hash has " + H + " bytes");
        }
        byte[] node = leafHash;
        for (int level = 0; ; level++) {
            long index = put(level, node);
            if ((index & 1) == 0) {
                return;
            }
            node = Merkle.nodeHash(get(level, index - 1), node);
        }
    }

    /** Forgets every leaf from {@code size} on (an append whose transaction rolled back). */
    void truncate(long size) {
        if (size > size()) {
            throw new IllegalArgumentException("Cannot grow a tree by truncating it");
        }
        for (int level = 0; level < counts.size(); level++) {
            counts.set(level, Math.min(counts.get(level), size >> level));
        }
        while (!counts.isEmpty() && counts.getLast() == 0) {
            counts.removeLast();
            levels.removeLast();
        }
    }

    /** MTH(D[0:size]). */
    byte[] root(long size) {
        check(size);
        return size == 0 ? Merkle.emptyRoot() : hash(0, size);
    }

    /** PATH(index, D[0:size]) of RFC 9162, section 2.1.3.1. */
    List<byte[]> inclusion(long index, long size) {
        check(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("Leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(index, 0, size, path);
        return path;
    }

    /** PROOF(first, D[0:second]) of RFC 9162, section 2.1.4.1. */
    List<byte[]> consistency(long first, long second) {
        check(second);
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("No consistency proof from " + first + " to " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, proof);
        }
        return proof;
    }

    private void path(long m, long start, long end, List<byte[]> into) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = Merkle.split(n);
        if (m < k) {
            path(m, start, start + k, into);
            into.add(hash(start + k, end));
        } else {
            path(m - k, start + k, end, into);
            into.add(hash(start, start + k));
        }
    }

    private void subproof(long m, long start, long end, boolean whole, List<byte[]> into) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                into.add(hash(start, end));
            }
            return;
        }
        long k = Merkle.split(n);
        if (m <= k) {
            subproof(m, start, start + k, whole, into);
            into.add(hash(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, into);
            into.add(hash(start, start + k));
        }
    }

    /** MTH(D[start:end]), from the stored complete subtrees. */
    private byte[] hash(long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return get(Long.numberOfTrailingZeros(n), start / n);
        }
        long k = Merkle.split(n);
        return Merkle.nodeHash(hash(start, start + k), hash(start + k, end));
    }

    private void check(long size) {
        if (size < 0 || size > size()) {
            throw new IllegalArgumentException("The tree has " + size() + " leaves, not " + size);
        }
    }

    private long put(int level, byte[] node) {
        if (level == levels.size()) {
            levels.add(new byte[H * 16]);
            counts.add(0L);
        }
        long index = counts.get(level);
        byte[] nodes = levels.get(level);
        if ((index + 1) * H > nodes.length) {
            long grown = Math.max((index + 1) * H, (long) nodes.length * 2);
            if (grown > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("The in-memory tree is full at " + index + " nodes on level " + level);
            }
            nodes = Arrays.copyOf(nodes, (int) grown);
            levels.set(level, nodes);
        }
        System.arraycopy(node, 0, nodes, (int) (index * H), H);
        counts.set(level, index + 1);
        return index;
    }

    private byte[] get(int level, long index) {
        int from = (int) (index * H);
        return Arrays.copyOfRange(levels.get(level), from, from + H);
    }
}
