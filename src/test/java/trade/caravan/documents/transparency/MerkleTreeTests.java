package trade.caravan.documents.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import trade.caravan.documents.Merkle;

/**
 * The tree against RFC 9162's test vectors (the Certificate Transparency reference tree of eight
 * leaves, as published with transparency-dev/merkle) and, for every size up to 70, against a
 * naive implementation written straight from the RFC's recursive definitions; proofs that were
 * tampered with in any way fail to verify.
 */
class MerkleTreeTests {

    private static final HexFormat HEX = HexFormat.of();
    private static final List<byte[]> LEAVES = List.of(HEX.parseHex(""), HEX.parseHex("00"), HEX.parseHex("10"),
            HEX.parseHex("2021"), HEX.parseHex("3031"), HEX.parseHex("40414243"), HEX.parseHex("5051525354555657"),
            HEX.parseHex("606162636465666768696a6b6c6d6e6f"));
    private static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void rootsOfTheReferenceTree() {
        MerkleTree tree = referenceTree();
        for (int size = 0; size <= 8; size++) {
            assertThat(HEX.formatHex(tree.root(size))).as("root of %d leaves", size).isEqualTo(ROOTS.get(size));
        }
    }

    @Test
    void proofsOfTheReferenceTree() {
        MerkleTree tree = referenceTree();
        assertThat(hex(tree.inclusion(0, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(tree.consistency(1, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(tree.consistency(6, 8))).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(tree.consistency(2, 5))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertThat(tree.consistency(8, 8)).isEmpty();
    }

    @Property(tries = 70)
    void everyProofMatchesTheRfcDefinitionsAndVerifies(@ForAll @IntRange(min = 1, max = 70) int size) {
        List<byte[]> leaves = new ArrayList<>();
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < size; i++) {
            byte[] leaf = ("leaf " + i + " of " + size).getBytes();
            leaves.add(Merkle.leafHash(leaf));
            tree.append(Merkle.leafHash(leaf));
        }
        for (int n = 1; n <= size; n++) {
            List<byte[]> first = leaves.subList(0, n);
            byte[] root = tree.root(n);
            assertThat(root).isEqualTo(Naive.mth(first));
            for (int m = 0; m < n; m++) {
                List<byte[]> path = tree.inclusion(m, n);
                assertThat(hex(path)).isEqualTo(hex(Naive.path(m, first)));
                assertThat(Merkle.verifyInclusion(m, n, leaves.get(m), path, root)).isTrue();
                assertThat(Merkle.verifyInclusion(m, n, leaves.get((m + 1) % n), path, root))
                        .as("another leaf").isEqualTo(n == 1 || java.util.Arrays.equals(leaves.get(m), leaves.get((m + 1) % n)));
            }
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = tree.consistency(m, n);
                assertThat(hex(proof)).isEqualTo(hex(m == n ? List.of() : Naive.proof(m, first)));
                assertThat(Merkle.verifyConsistency(m, n, tree.root(m), root, proof)).as("%d → %d", m, n).isTrue();
            }
        }
    }

    @Property(tries = 300)
    void aTamperedProofFails(@ForAll @IntRange(min = 2, max = 40) int size, @ForAll @IntRange(min = 0, max = 39) int at,
            @ForAll @IntRange(min = 0, max = 255) int flip) {
        MerkleTree tree = tree(size);
        int index = at % size;
        byte[] root = tree.root(size);
        byte[] leaf = Merkle.leafHash(("leaf " + index).getBytes());
        List<byte[]> path = tree.inclusion(index, size);
        assertThat(Merkle.verifyInclusion(index, size, leaf, path, root)).isTrue();
        if (!path.isEmpty()) {
            List<byte[]> altered = copy(path);
            altered.get(flip % altered.size())[flip % Merkle.HASH_BYTES] ^= (byte) (1 + flip % 255);
            assertThat(Merkle.verifyInclusion(index, size, leaf, altered, root)).as("a hash changed").isFalse();
            assertThat(Merkle.verifyInclusion(index, size, leaf, path.subList(1, path.size()), root))
                    .as("a hash missing").isFalse();
        }
        List<byte[]> longer = copy(path);
        longer.add(root);
        assertThat(Merkle.verifyInclusion(index, size, leaf, longer, root)).as("a hash too many").isFalse();
        // (the same hashes may also fit a larger tree's shape, but never that tree's root: a signed head binds both)
        assertThat(Merkle.verifyInclusion(index, size + 1, leaf, path, tree(size + 1).root(size + 1)))
                .as("the next tree's head").isFalse();
        assertThat(Merkle.verifyInclusion(size, size, leaf, path, root)).as("an index out of the tree").isFalse();

        int first = 1 + index % (size - 1);
        List<byte[]> proof = tree.consistency(first, size);
        assertThat(Merkle.verifyConsistency(first, size, tree.root(first), root, proof)).isTrue();
        List<byte[]> altered = copy(proof);
        altered.get(flip % altered.size())[flip % Merkle.HASH_BYTES] ^= (byte) (1 + flip % 255);
        assertThat(Merkle.verifyConsistency(first, size, tree.root(first), root, altered)).isFalse();
        assertThat(Merkle.verifyConsistency(first, size, tree.root(first), root, List.of())).isFalse();
        assertThat(Merkle.verifyConsistency(first, size, tree.root(first), tree.root(size - 1), proof))
                .as("against another second root").isEqualTo(false);
        byte[] forkedRoot = Merkle.nodeHash(root, root);
        assertThat(Merkle.verifyConsistency(first, size, tree.root(first), forkedRoot, proof)).isFalse();
    }

    @Test
    void truncateForgetsTheLeavesOfARolledBackAppend() {
        MerkleTree tree = tree(13);
        byte[] root = tree.root(13);
        tree.append(Merkle.leafHash("uncommitted".getBytes()));
        tree.append(Merkle.leafHash("uncommitted too".getBytes()));
        tree.truncate(13);
        assertThat(tree.size()).isEqualTo(13);
        assertThat(tree.root(13)).isEqualTo(root);
        tree.append(Merkle.leafHash("leaf 13".getBytes()));
        assertThat(tree.root(14)).isEqualTo(tree(14).root(14));
        assertThatThrownBy(() -> tree.root(15)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.truncate(20)).isInstanceOf(IllegalArgumentException.class);
        tree.truncate(0);
        assertThat(tree.root(0)).isEqualTo(Merkle.emptyRoot());
    }

    private static MerkleTree referenceTree() {
        MerkleTree tree = new MerkleTree();
        LEAVES.forEach(leaf -> tree.append(Merkle.leafHash(leaf)));
        return tree;
    }

    private static MerkleTree tree(int size) {
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < size; i++) {
            tree.append(Merkle.leafHash(("leaf " + i).getBytes()));
        }
        return tree;
    }

    private static List<byte[]> copy(List<byte[]> hashes) {
        return new ArrayList<>(hashes.stream().map(byte[]::clone).toList());
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    /** RFC 9162, section 2.1, as written: MTH, PATH and PROOF over lists of leaf hashes. */
    private static final class Naive {

        static byte[] mth(List<byte[]> d) {
            if (d.size() == 1) {
                return d.getFirst();
            }
            int k = Integer.highestOneBit(d.size() - 1);
            return Merkle.nodeHash(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
        }

        static List<byte[]> path(int m, List<byte[]> d) {
            if (d.size() == 1) {
                return List.of();
            }
            int k = Integer.highestOneBit(d.size() - 1);
            List<byte[]> path = new ArrayList<>();
            if (m < k) {
                path.addAll(path(m, d.subList(0, k)));
                path.add(mth(d.subList(k, d.size())));
            } else {
                path.addAll(path(m - k, d.subList(k, d.size())));
                path.add(mth(d.subList(0, k)));
            }
            return path;
        }

        static List<byte[]> proof(int m, List<byte[]> d) {
            return subproof(m, d, true);
        }

        private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
            int n = d.size();
            if (m == n) {
                return b ? List.of() : List.of(mth(d));
            }
            int k = Integer.highestOneBit(n - 1);
            List<byte[]> proof = new ArrayList<>();
            if (m <= k) {
                proof.addAll(subproof(m, d.subList(0, k), b));
                proof.add(mth(d.subList(k, n)));
            } else {
                proof.addAll(subproof(m - k, d.subList(k, n), false));
                proof.add(mth(d.subList(0, k)));
            }
            return proof;
        }
    }
}
