package trade.caravan.accounts.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SignInThrottleTests {

    private final SignInThrottle.Settings settings = new SignInThrottle.Settings(null, null, 0, null, null);
    private final SignInThrottle throttle = new SignInThrottle(null, null, settings, null);

    @Test
    void defaultsAreConservative() {
        assertThat(settings.failuresBeforeLockout()).isEqualTo(5);
        assertThat(settings.firstLockout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.maxLockout()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void lockoutDoublesWithEachEarlierLockoutUpToTheCap() {
        assertThat(throttle.lockoutAfter(0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(throttle.lockoutAfter(1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(throttle.lockoutAfter(2)).isEqualTo(Duration.ofMinutes(4));
        assertThat(throttle.lockoutAfter(5)).isEqualTo(Duration.ofMinutes(32));
        assertThat(throttle.lockoutAfter(6)).isEqualTo(Duration.ofHours(1));
        assertThat(throttle.lockoutAfter(1_000)).isEqualTo(Duration.ofHours(1));
    }
}
