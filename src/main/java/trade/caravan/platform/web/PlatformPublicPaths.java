package trade.caravan.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import trade.caravan.platform.PublicPaths;

@Configuration(proxyBeanMethods = false)
class PlatformPublicPaths {

    @Bean
    PublicPaths platformPagePaths() {
        return PublicPaths.get("/", "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico",
                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                "/actuator/health", "/actuator/health/**");
    }

    @Bean
    PublicPaths errorPagePaths() {
        return PublicPaths.any("/error", "/error/**");
    }
}
