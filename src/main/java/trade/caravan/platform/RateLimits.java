package trade.caravan.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import org.springframework.stereotype.Component;

/**
 * In-memory token buckets (Bucket4j) for actions that must not be repeated too fast: sign-up and
 * password-reset requests per client address, RFQs and messages per organization (later). Each
 * named limit keeps at most {@value #MAX_KEYS} keys, least recently used first out, so hostile
 * keys cannot exhaust memory. Time comes from the application clock.
 */
@Component
public class RateLimits {

    private static final int MAX_KEYS = 100_000;

    private final TimeMeter time;
    private final Map<String, Map<String, Bucket>> limits = new java.util.concurrent.ConcurrentHashMap<>();

    RateLimits(Clock clock) {
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /**
     * Takes one permit of the named limit for the key; throws {@link RateLimited} (HTTP 429 with
     * Retry-After) when there is none.
     */
    public void consume(String limit, String key, int permits, Duration per) {
        tryConsume(limit, key, permits, per).ifPresent(wait -> {
            throw new RateLimited(wait);
        });
    }

    /** Takes one permit if there is one; else says how long until there will be. */
    public java.util.Optional<Duration> tryConsume(String limit, String key, int permits, Duration per) {
        Map<String, Bucket> buckets = limits.computeIfAbsent(limit, name -> new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > MAX_KEYS;
            }
        });
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(permits).refillGreedy(permits, per).build())
                    .withCustomTimePrecision(time)
                    .build());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? java.util.Optional.empty()
                : java.util.Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
