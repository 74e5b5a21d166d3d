package trade.caravan.platform;

import java.time.Duration;

/** Too many attempts; answered with HTTP 429 and a {@code Retry-After} header. */
public class RateLimited extends DomainException {

    private final Duration retryAfter;

    public RateLimited(Duration retryAfter) {
        super(Kind.RATE_LIMITED, "error.rate-limited", Math.max(1, retryAfter.toSeconds()));
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Seconds to wait, rounded up, never zero. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
