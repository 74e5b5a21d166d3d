package trade.caravan.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import trade.caravan.shared.OrganizationId;

/**
 * A receipt proves a document's leaves under a signed head, without Spring or a database: a
 * two-leaf tree (issued, then superseded) built by hand, its head signed with a key made here.
 */
class LogReceiptTests {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] document = random32();
    private final byte[] replacement = random32();
    private final KeyPair key = ed25519();
    private final byte[] issued = leaf(document, DocumentStatus.ISSUED, null).encode();
    private final byte[] superseded = leaf(document, DocumentStatus.SUPERSEDED, replacement).encode();
    private final byte[] root = Merkle.nodeHash(Merkle.leafHash(issued), Merkle.leafHash(superseded));
    private final SignedTreeHead head = signedHead(2, root);

    @Test
    void provesBothLeavesAndSaysSuperseded() {
        LogReceipt receipt = new LogReceipt(document, head, List.of(
                new LogReceipt.Entry(0, issued, List.of(Merkle.leafHash(superseded))),
                new LogReceipt.Entry(1, superseded, List.of(Merkle.leafHash(issued)))));

        Verdict.LogPosition position = receipt.check(document, keys());

        assertThat(position.proven()).isTrue();
        assertThat(position.state()).isEqualTo(Verdict.LogState.SUPERSEDED);
        assertThat(position.replacedBy()).isEqualTo(HexFormat.of().formatHex(replacement));
        assertThat(position.leafIndex()).isEqualTo(1);
        assertThat(position.treeSize()).isEqualTo(2);
    }

    @Test
    void survivesJsonUnchanged() {
        LogReceipt receipt = new LogReceipt(document, head, List.of(
                new LogReceipt.Entry(0, issued, List.of(Merkle.leafHash(superseded)))));

        LogReceipt read = LogReceipt.fromJson(receipt.toJson());

        assertThat(read.document()).isEqualTo(document);
        assertThat(read.head()).isEqualTo(head);
        assertThat(read.check(document, keys()).proven()).isTrue();
        assertThat(read.check(document, keys()).state()).isEqualTo(Verdict.LogState.ISSUED);
    }

    @Test
    void aWrongPathAnotherKeyOrAnotherDocumentProveNothing() {
        LogReceipt wrongPath = new LogReceipt(document, head, List.of(new LogReceipt.Entry(0, issued, List.of(random32()))));
        assertThat(wrongPath.check(document, keys()).proven()).isFalse();

        LogReceipt good = new LogReceipt(document, head, List.of(
                new LogReceipt.Entry(0, issued, List.of(Merkle.leafHash(superseded)))));
        PublicKey other = ed25519().getPublic();
        assertThat(good.check(document, Map.of(head.keyId(), other)).proven()).isFalse();
        assertThat(good.check(document, Map.of()).proven()).isFalse();

        Verdict.LogPosition forAnother = good.check(random32(), keys());
        assertThat(forAnother.proven()).isFalse();
        assertThat(forAnother.state()).isEqualTo(Verdict.LogState.NOT_LOGGED);
    }

    @Test
    void aRevocationIsFinal() {
        byte[] revoked = leaf(document, DocumentStatus.REVOKED, null).encode();
        byte[] rootOfThree = Merkle.nodeHash(Merkle.nodeHash(Merkle.leafHash(issued), Merkle.leafHash(revoked)),
                Merkle.leafHash(superseded));
        SignedTreeHead three = signedHead(3, rootOfThree);
        LogReceipt receipt = new LogReceipt(document, three, List.of(
                new LogReceipt.Entry(1, revoked, List.of(Merkle.leafHash(issued), Merkle.leafHash(superseded))),
                new LogReceipt.Entry(2, superseded, List.of(Merkle.nodeHash(Merkle.leafHash(issued), Merkle.leafHash(revoked))))));

        Verdict.LogPosition position = receipt.check(document, keys());

        assertThat(position.proven()).isTrue();
        assertThat(position.state()).isEqualTo(Verdict.LogState.REVOKED);
        assertThat(position.replacedBy()).isNull();
    }

    @Test
    void notAReceiptIsRefusedWithAReason() {
        assertThatThrownBy(() -> LogReceipt.fromJson("{\"v\":2}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogReceipt.fromJson("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogReceipt.fromJson("{\"v\":1,\"document\":\"00\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("head");
    }

    private Map<String, PublicKey> keys() {
        return Map.of(LogKey.idOf(key.getPublic().getEncoded()), key.getPublic());
    }

    private SignedTreeHead signedHead(long size, byte[] rootHash) {
        try {
            Instant at = Instant.parse("2026-11-27T10:00:00Z");
            Signature signer = Signature.getInstance(SignedTreeHead.ALGORITHM);
            signer.initSign(key.getPrivate());
            signer.update(SignedTreeHead.signedBytes(size, at, rootHash));
            return new SignedTreeHead(size, at, rootHash, LogKey.idOf(key.getPublic().getEncoded()), signer.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LogLeaf leaf(byte[] hash, DocumentStatus status, byte[] replacement) {
        return new LogLeaf(hash, "CONTRACT", status, new OrganizationId(UUID.randomUUID()), null,
                Instant.parse("2026-11-27T09:00:00Z"), replacement);
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance(SignedTreeHead.ALGORITHM).generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] random32() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
