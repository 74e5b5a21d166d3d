package trade.caravan.accounts.signin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;


import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import trade.caravan.accounts.identity.SecretTokens;
import trade.caravan.platform.RateLimits;

/**
 * Brute-force defence for sign-in, two layers:
 * <ol>
 * <li>rate limits ({@link RateLimits}: Bucket4j token buckets, in memory) per client address and per e-mail address,
 * against fast guessing and password spraying;</li>
 * <li>lockout with exponential backoff, in PostgreSQL (survives restarts, shared by nodes): after
 * {@code failures-before-lockout} consecutive wrong passwords the address is locked for
 * {@code first-lockout}, doubling with each further lockout up to {@code max-lockout}.</li>
 * </ol>
 * Both are keyed by the e-mail address as typed, whether or not an account has it, so the answers
 * never reveal which addresses are registered. A successful sign-in clears the lockout state.
 */
@Component
class SignInThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Settings settings;
    private final RateLimits rateLimits;

    SignInThrottle(JdbcClient jdbc, Clock clock, Settings settings, RateLimits rateLimits) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.rateLimits = rateLimits;
    }

    /** Consumes one attempt; the wait if either limit is exhausted or the address is locked. */
    Optional<Duration> attempt(String clientAddress, String email) {
        Optional<Duration> locked = lockedFor(email);
        if (locked.isPresent()) {
            return locked;
        }
        Optional<Duration> byAddress = rateLimits.tryConsume("sign-in-address", clientAddress,
                settings.perAddress().attempts(), settings.perAddress().per());
        if (byAddress.isPresent()) {
            return byAddress;
        }
        return rateLimits.tryConsume("sign-in-account", key(email),
                settings.perAccount().attempts(), settings.perAccount().per());
    }

    /** Consumes one attempt of a second-factor code for a user. */
    Optional<Duration> attemptSecondFactor(String userKey) {
        return rateLimits.tryConsume("second-factor", userKey,
                settings.perAccount().attempts(), settings.perAccount().per());
    }

    Optional<Duration> lockedFor(String email) {
        Instant now = clock.instant();
        return jdbc.sql("select locked_until from accounts.sign_in_throttle where email_hash = ?")
                .param(hash(email))
                .query((rs, n) -> rs.getTimestamp(1))
                .optional()
                .map(Timestamp::toInstant)
                .filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until));
    }

    /** Records a wrong password; returns the lockout it started, if any. */
    @Transactional
    Optional<Duration> failed(String email) {
        Instant now = clock.instant();
        byte[] hash = hash(email);
        jdbc.sql("""
                insert into accounts.sign_in_throttle (email_hash, failures, lockouts, last_failure_at)
                values (?, 0, 0, ?) on conflict (email_hash) do nothing""")
                .params(hash, Timestamp.from(now))
                .update();
        var state = jdbc.sql("select failures, lockouts from accounts.sign_in_throttle where email_hash = ? for update")
                .param(hash)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)})
                .single();
        int failures = state[0] + 1;
        int lockouts = state[1];
        if (failures < settings.failuresBeforeLockout()) {
            jdbc.sql("update accounts.sign_in_throttle set failures = ?, last_failure_at = ? where email_hash = ?")
                    .params(failures, Timestamp.from(now), hash)
                    .update();
            return Optional.empty();
        }
        Duration lockout = lockoutAfter(lockouts);
        jdbc.sql("""
                update accounts.sign_in_throttle
                set failures = 0, lockouts = ?, locked_until = ?, last_failure_at = ? where email_hash = ?""")
                .params(lockouts + 1, Timestamp.from(now.plus(lockout)), Timestamp.from(now), hash)
                .update();
        return Optional.of(lockout);
    }

    /** Backoff: first lockout, doubled for each earlier one, capped. */
    Duration lockoutAfter(int earlierLockouts) {
        Duration lockout = settings.firstLockout();
        for (int i = 0; i < earlierLockouts && lockout.compareTo(settings.maxLockout()) < 0; i++) {
            lockout = lockout.multipliedBy(2);
        }
        return lockout.compareTo(settings.maxLockout()) > 0 ? settings.maxLockout() : lockout;
    }

    @Transactional
    void succeeded(String email) {
        jdbc.sql("delete from accounts.sign_in_throttle where email_hash = ?").param(hash(email)).update();
    }

    private static byte[] hash(String email) {
        return SecretTokens.digest(key(email));
    }

    private static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    record Limit(int attempts, Duration per) {
    }

    /** {@code caravan.sign-in.*}: the limits above. */
    @ConfigurationProperties("caravan.sign-in")
    record Settings(Limit perAddress, Limit perAccount, int failuresBeforeLockout, Duration firstLockout,
            Duration maxLockout) {

        Settings {
            perAddress = perAddress == null ? new Limit(30, Duration.ofMinutes(5)) : perAddress;
            perAccount = perAccount == null ? new Limit(10, Duration.ofMinutes(5)) : perAccount;
            failuresBeforeLockout = failuresBeforeLockout <= 0 ? 5 : failuresBeforeLockout;
            firstLockout = firstLockout == null ? Duration.ofMinutes(1) : firstLockout;
            maxLockout = maxLockout == null ? Duration.ofHours(1) : maxLockout;
        }
    }
}
