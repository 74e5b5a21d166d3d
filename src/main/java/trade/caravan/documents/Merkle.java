package trade.caravan.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The Merkle tree hashing of RFC 9162 (Certificate Transparency 2.0, as RFC 6962 before it), with
 * SHA-256: a leaf hashes as {@code SHA-256(0x00 || leaf)}, an inner node as
 * {@code SHA-256(0x01 || left || right)}, and the tree over {@code n} leaves splits at the largest
 * power of two smaller than {@code n}. The verification of inclusion and consistency proofs
 * follows the RFC's algorithms (sections 2.1.3.2 and 2.1.4.2) step by step. Pure functions, no
 * Spring: the offline verifier runs them as the server does.
 */
public final class Merkle {

    public static final int HASH_BYTES = 32;

    private Merkle() {
    }

    public static byte[] leafHash(byte[] leafInput) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x00);
        return sha256.digest(leafInput);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x01);
        sha256.update(left);
        return sha256.digest(right);
    }

    /** The root of the empty tree: the hash of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** The largest power of two smaller than {@code n} ({@code n > 1}): where the tree splits. */
    public static long split(long n) {
        if (n < 2) {
            throw new IllegalArgumentException("A tree of " + n + " leaves does not split");
        }
        return Long.highestOneBit(n - 1);
    }

    /**
     * Whether {@code path} proves that the leaf with hash {@code leafHash} sits at
     * {@code leafIndex} in the tree of {@code treeSize} leaves whose root is {@code root}.
     */
    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path,
            byte[] root) {
        if (leafIndex < 0 || leafIndex >= treeSize || leafHash.length != HASH_BYTES || root.length != HASH_BYTES) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0 || p.length != HASH_BYTES) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * Whether {@code proof} proves that the tree of {@code second} leaves with root
     * {@code secondRoot} extends the tree of {@code first} leaves with root {@code firstRoot}:
     * the log only appended in between.
     */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
            List<byte[]> proof) {
        if (first < 0 || second < first || firstRoot.length != HASH_BYTES || secondRoot.length != HASH_BYTES) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0) {
            // every tree extends the empty one; there is nothing to prove
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, emptyRoot());
        }
        if (proof.isEmpty() || proof.stream().anyMatch(c -> c.length != HASH_BYTES)) {
            return false;
        }
        List<byte[]> path = Long.bitCount(first) == 1
                ? java.util.stream.Stream.concat(java.util.stream.Stream.of(firstRoot), proof.stream()).toList()
                : proof;
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.getFirst();
        byte[] sr = path.getFirst();
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    /** The SHA-256 of a document's bytes: how log leaves, receipts and verdicts name a document. */
    public static byte[] documentHash(byte[] document) {
        return sha256().digest(document);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
