package trade.caravan.documents.transparency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code caravan.transparency.*}: how long a log signing key is used before the next start
 * replaces it ({@code key-lifetime}), whether the whole log is checked at start-up
 * ({@code verify-on-startup}) and when it is checked again ({@code verify-cron}, daily).
 */
@ConfigurationProperties("caravan.transparency")
record TransparencySettings(@DefaultValue("P365D") Duration keyLifetime, @DefaultValue("true") boolean verifyOnStartup) {

    TransparencySettings {
        if (keyLifetime.isNegative() || keyLifetime.isZero()) {
            throw new IllegalArgumentException("caravan.transparency.key-lifetime must be positive");
        }
    }
}
