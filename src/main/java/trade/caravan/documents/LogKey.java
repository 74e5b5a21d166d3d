package trade.caravan.documents;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A public key the log signs (or signed) its tree heads with, as DER SubjectPublicKeyInfo. */
public record LogKey(String keyId, byte[] publicKey, Instant createdAt, @Nullable Instant retiredAt) {

    public LogKey {
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    public PublicKey toPublicKey() {
        try {
            return KeyFactory.getInstance(SignedTreeHead.ALGORITHM).generatePublic(new X509EncodedKeySpec(publicKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an " + SignedTreeHead.ALGORITHM + " public key", e);
        }
    }

    /** The key id of a public key: the hex SHA-256 of its DER SubjectPublicKeyInfo. */
    public static String idOf(byte[] subjectPublicKeyInfo) {
        return java.util.HexFormat.of().formatHex(Merkle.sha256().digest(subjectPublicKeyInfo));
    }
}
