package trade.caravan.notifications.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import trade.caravan.platform.OperatorPaths;

/**
 * The operator pages have no login: the security chain serves them to operator addresses only.
 * Declared even when the outbox page is disabled, so that a disabled page answers 404 instead
 * of asking for a sign-in.
 */
@Configuration(proxyBeanMethods = false)
class OutboxPagePaths {

    @Bean
    OperatorPaths operatorOutboxPaths() {
        return OperatorPaths.of("/operator/**");
    }
}
