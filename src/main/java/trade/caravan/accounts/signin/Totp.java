package trade.caravan.accounts.signin;

import java.time.Instant;
import java.util.OptionalLong;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;

/**
 * RFC 6238 time-based one-time passwords: HMAC-SHA1, 6 digits, 30-second steps, the usual
 * parameters of authenticator apps. Accepts the previous, current and next step to allow for
 * clock drift (RFC 6238 section 5.2) and says which step matched, so the caller can refuse
 * that step and every earlier one from then on.
 */
final class Totp {

    static final int PERIOD_SECONDS = 30;
    static final int DIGITS = 6;
    private static final int DRIFT_STEPS = 1;

    private final DefaultCodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

    static long step(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), PERIOD_SECONDS);
    }

    String code(String base32Secret, long step) {
        try {
            return generator.generate(base32Secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("TOTP generation failed", e);
        }
    }

    /** The step within the drift window whose code equals {@code code}, if any. */
    OptionalLong matchingStep(String base32Secret, String code, Instant now) {
        if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
            if (java.security.MessageDigest.isEqual(code(base32Secret, step).getBytes(), code.getBytes())) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }
}
