package trade.caravan.documents;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Objects;

/**
 * The log's signed statement "after {@code treeSize} leaves my tree's root is {@code rootHash}",
 * made at {@code timestamp} with the key {@code keyId} (the hex SHA-256 of the key's
 * SubjectPublicKeyInfo). The Ed25519 signature covers {@link #signedBytes()}: the ASCII line
 * {@code caravan-transparency-log-v1}, a line feed, then the tree size and the timestamp in
 * milliseconds as 8-byte big-endian numbers and the 32 bytes of the root.
 */
public record SignedTreeHead(long treeSize, Instant timestamp, byte[] rootHash, String keyId, byte[] signature) {

    public static final String ALGORITHM = "Ed25519";
    private static final byte[] CONTEXT = "caravan-transparency-log-v1\n".getBytes(StandardCharsets.US_ASCII);

    public SignedTreeHead {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(keyId, "keyId");
        if (treeSize < 0 || rootHash.length != Merkle.HASH_BYTES) {
            throw new IllegalArgumentException("Not a tree head");
        }
        rootHash = rootHash.clone();
        signature = signature.clone();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public static byte[] signedBytes(long treeSize, Instant timestamp, byte[] rootHash) {
        return ByteBuffer.allocate(CONTEXT.length + 16 + rootHash.length).put(CONTEXT).putLong(treeSize)
                .putLong(timestamp.toEpochMilli()).put(rootHash).array();
    }

    public byte[] signedBytes() {
        return signedBytes(treeSize, timestamp, rootHash);
    }

    /** Whether {@code key} made this head's signature over exactly these values. */
    public boolean verify(PublicKey key) {
        byte[] raw = rawEd25519(key);
        if (raw != null) {
            // BouncyCastle's RFC 8032 verification: the same answer as the JDK's, about six times
            // faster, which the log's full check (one head per document) feels (bench/documents/logcheck.sh)
            if (signature.length != org.bouncycastle.math.ec.rfc8032.Ed25519.SIGNATURE_SIZE) {
                return false;
            }
            byte[] message = signedBytes();
            return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, raw, 0, message, 0, message.length);
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signedBytes());
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The 32 bytes of an Ed25519 public key from its X.509 SubjectPublicKeyInfo, or null for another key. */
    private static byte @org.jspecify.annotations.Nullable [] rawEd25519(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (!"X.509".equals(key.getFormat()) || encoded == null || encoded.length != ED25519_SPKI_PREFIX.length + 32
                || !java.util.Arrays.equals(encoded, 0, ED25519_SPKI_PREFIX.length, ED25519_SPKI_PREFIX, 0,
                        ED25519_SPKI_PREFIX.length)) {
            return null;
        }
        return java.util.Arrays.copyOfRange(encoded, ED25519_SPKI_PREFIX.length, encoded.length);
    }

    /** SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (33 bytes) }: RFC 8410's Ed25519 key header. */
    private static final byte[] ED25519_SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedTreeHead that && treeSize == that.treeSize && timestamp.equals(that.timestamp)
                && java.util.Arrays.equals(rootHash, that.rootHash) && keyId.equals(that.keyId)
                && java.util.Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(treeSize, timestamp, java.util.Arrays.hashCode(rootHash), keyId);
    }

    @Override
    public String toString() {
        return "SignedTreeHead[" + treeSize + " leaves, " + java.util.HexFormat.of().formatHex(rootHash) + "]";
    }
}
