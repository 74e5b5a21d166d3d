package trade.caravan.accounts.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B test vectors (SHA-1 seed "12345678901234567890"), truncated to 6 digits. */
class TotpTests {

    /** Base32 of the ASCII seed "12345678901234567890". */
    private static final String RFC_SEED = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    private final Totp totp = new Totp();

    @Test
    void producesTheRfcCodes() {
        // RFC 6238 gives 8 digits: 94287082, 07081804, 14050471, 89005924, 69279037, 65353130
        assertThat(totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
        assertThat(totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(1111111111)))).isEqualTo("050471");
        assertThat(totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
        assertThat(totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
        assertThat(totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(20000000000L)))).isEqualTo("353130");
    }

    @Test
    void acceptsOneStepOfDriftEitherWayAndSaysWhichStep() {
        Instant now = Instant.ofEpochSecond(1234567890);
        long step = Totp.step(now);
        assertThat(totp.matchingStep(RFC_SEED, totp.code(RFC_SEED, step - 1), now)).hasValue(step - 1);
        assertThat(totp.matchingStep(RFC_SEED, totp.code(RFC_SEED, step), now)).hasValue(step);
        assertThat(totp.matchingStep(RFC_SEED, totp.code(RFC_SEED, step + 1), now)).hasValue(step + 1);
        assertThat(totp.matchingStep(RFC_SEED, totp.code(RFC_SEED, step - 2), now)).isEmpty();
        assertThat(totp.matchingStep(RFC_SEED, totp.code(RFC_SEED, step + 2), now)).isEmpty();
    }

    @Test
    void refusesMalformedCodes() {
        Instant now = Instant.ofEpochSecond(59);
        assertThat(totp.matchingStep(RFC_SEED, "28708", now)).isEmpty();
        assertThat(totp.matchingStep(RFC_SEED, "2870820", now)).isEmpty();
        assertThat(totp.matchingStep(RFC_SEED, "28708x", now)).isEmpty();
        assertThat(totp.matchingStep(RFC_SEED, null, now)).isEmpty();
    }
}
