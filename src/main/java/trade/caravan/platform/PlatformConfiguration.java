package trade.caravan.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every module may inject. */
@Configuration(proxyBeanMethods = false)
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
