package trade.caravan.reference.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import trade.caravan.platform.PublicPaths;

/** Reference data is public: anyone may look up a code without signing in. Read-only, so GET only. */
@Configuration(proxyBeanMethods = false)
class ReferencePublicPaths {

    @Bean
    PublicPaths referencePaths() {
        return PublicPaths.get("/reference", "/reference/**", "/api/v1/reference/**");
    }
}
