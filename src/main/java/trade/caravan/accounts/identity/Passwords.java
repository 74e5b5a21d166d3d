package trade.caravan.accounts.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

import trade.caravan.platform.DomainException;

/**
 * Password policy and hashing. Argon2id with OWASP's recommended minimum (19 MiB, 2 passes,
 * 1 lane, 16-byte salt); length 12 to 128; refused when it is one of the 30,000 most common
 * passwords (bundled list from zxcvbn, case-insensitive, also with digits or symbols appended), a
 * run of neighbouring characters, or contains the user's e-mail name.
 */
@Component
public class Passwords {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    private final Set<String> common = loadCommonPasswords();
    /** Verified against when the user is unknown, so a wrong e-mail costs as long as a wrong password. */
    private final String decoyHash = encoder.encode("decoy password never matches anything");

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    /** Spends the time of one verification and fails; used for unknown accounts. */
    public boolean matchesNothing(String password) {
        encoder.matches(password, decoyHash);
        return false;
    }

    /**
     * Checks a new password against the policy.
     *
     * @param email the account's e-mail, whose local part must not appear in the password
     */
    public void checkPolicy(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new DomainException(DomainException.Kind.INVALID, "error.password.too-short", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            throw new DomainException(DomainException.Kind.INVALID, "error.password.too-long", MAX_LENGTH);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || password.chars().distinct().count() < 4 || isRun(lower)
                || common.contains(lower.replaceFirst("[\\d\\W_]+$", ""))) {
            throw new DomainException(DomainException.Kind.INVALID, "error.password.common");
        }
        String localPart = email == null ? "" : email.toLowerCase(Locale.ROOT).replaceFirst("@.*$", "");
        if (localPart.length() >= 4 && lower.contains(localPart)) {
            throw new DomainException(DomainException.Kind.INVALID, "error.password.contains-email");
        }
    }

    /** A run of neighbouring characters, "123456789012", "abcdefghijkl", "zyxwvutsrqpo". */
    private static boolean isRun(String password) {
        int[] points = password.codePoints().toArray();
        int ascending = 0;
        int descending = 0;
        for (int i = 1; i < points.length; i++) {
            int step = points[i] - points[i - 1];
            if (step == 1 || step == -9) {
                ascending++;
            } else if (step == -1 || step == 9) {
                descending++;
            }
        }
        return Math.max(ascending, descending) >= points.length - 2;
    }

    boolean isCommon(String password) {
        return common.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> loadCommonPasswords() {
        var resource = new ClassPathResource("accounts/common-passwords.txt");
        Set<String> passwords = new HashSet<>(40_000);
        try (var reader = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    passwords.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The bundled common-password list is missing", e);
        }
        return Set.copyOf(passwords);
    }
}
