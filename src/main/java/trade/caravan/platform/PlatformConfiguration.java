package trade.caravan.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans every module may inject. Asynchronous execution is on so that event listeners marked
 * {@code @ApplicationModuleListener} run after the commit on their own thread and transaction: a
 * failing listener leaves its event publication incomplete (to be retried) instead of failing the
 * request that published it.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.scheduling.annotation.EnableAsync
class PlatformConfiguration {

    /** The only source of "now" in domain code, so tests can fix or advance time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The only source of randomness for secrets and identifiers in domain code. */
    @Bean
    java.security.SecureRandom secureRandom() {
        return new java.security.SecureRandom();
    }
}
