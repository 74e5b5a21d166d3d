package trade.caravan.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import trade.caravan.platform.OperatorPaths;
import trade.caravan.platform.PublicPaths;

@Configuration(proxyBeanMethods = false)
class PlatformPublicPaths {

    @Bean
    PublicPaths platformPagePaths() {
        return PublicPaths.get("/", "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico",
                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                "/actuator/health", "/actuator/health/**");
    }

    /** Metrics are for the operator's scraper, not the public. */
    @Bean
    OperatorPaths metricsPaths() {
        return OperatorPaths.of("/actuator/prometheus");
    }

    @Bean
    PublicPaths errorPagePaths() {
        return PublicPaths.any("/error", "/error/**");
    }
}
