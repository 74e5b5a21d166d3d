package trade.caravan.accounts.signin;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Too many sign-in attempts for this address or account; answered with 429 and Retry-After. */
class SignInThrottled extends AuthenticationException {

    private final transient Duration retryAfter;

    SignInThrottled(Duration retryAfter) {
        super("Too many sign-in attempts");
        this.retryAfter = retryAfter;
    }

    long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
