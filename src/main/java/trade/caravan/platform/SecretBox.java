package trade.caravan.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Encrypts small secrets at rest (TOTP seeds) with AES-256-GCM under the installation's data key,
 * which never lives in the database: {@code caravan.security.data-key} (base64, 32 bytes) or the
 * key file {@code caravan.security.data-key-file} (created with owner-only permissions on first
 * start). Losing the key makes the encrypted secrets unreadable, so back it up with the database.
 * The associated data binds each ciphertext to its row, so a ciphertext copied to another row
 * does not decrypt.
 */
@Component
public class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    private static final byte FORMAT_VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random;

    SecretBox(Settings settings, SecureRandom random) {
        this.random = random;
        this.key = new SecretKeySpec(loadKey(settings, random), "AES");
    }

    public byte[] seal(byte[] plaintext, byte[] associatedData) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + NONCE_BYTES + ciphertext.length)
                    .put(FORMAT_VERSION).put(nonce).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    public byte[] open(byte[] sealed, byte[] associatedData) {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT_VERSION) {
            throw new IllegalArgumentException("Not a sealed secret");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Sealed secret does not open with this key", e);
        }
    }

    private static byte[] loadKey(Settings settings, SecureRandom random) {
        if (settings.dataKey() != null && !settings.dataKey().isBlank()) {
            return checkLength(Base64.getDecoder().decode(settings.dataKey().strip()));
        }
        if (settings.dataKeyFile() == null || settings.dataKeyFile().isBlank()) {
            log.warn("No caravan.security.data-key or data-key-file: using a throw-away key (tests only)");
            byte[] key = new byte[32];
            random.nextBytes(key);
            return key;
        }
        Path file = Path.of(settings.dataKeyFile());
        try {
            if (Files.exists(file)) {
                return checkLength(Base64.getDecoder().decode(Files.readString(file).strip()));
            }
            byte[] key = new byte[32];
            random.nextBytes(key);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                log.warn("Cannot restrict permissions of {} on this file system", file);
            }
            log.info("Created the data key {}; back it up together with the database", file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the data key file " + file, e);
        }
    }

    private static byte[] checkLength(byte[] key) {
        if (key.length != 32) {
            throw new IllegalStateException("The data key must be 32 bytes (base64-encoded)");
        }
        return key;
    }

    /** {@code caravan.security.*}: where the data key comes from. */
    @ConfigurationProperties("caravan.security")
    record Settings(String dataKey, String dataKeyFile) {
    }
}
