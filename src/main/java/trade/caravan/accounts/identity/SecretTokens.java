package trade.caravan.accounts.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.stereotype.Component;

/**
 * Random secrets for links and tokens (256 bits, URL-safe) and their SHA-256 digests. Only the
 * digest is stored: the secrets are high-entropy, so a fast hash is enough to make a stolen
 * table useless, and lookups stay a single index probe.
 */
@Component
public class SecretTokens {

    private final SecureRandom random;

    SecretTokens(SecureRandom random) {
        this.random = random;
    }

    public String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String newSecret(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    public static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
