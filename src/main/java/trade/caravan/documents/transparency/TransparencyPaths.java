package trade.caravan.documents.transparency;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import trade.caravan.platform.PublicPaths;

/** The log's API is public: anyone holding a document may check it without an account. */
@Configuration(proxyBeanMethods = false)
class TransparencyPaths {

    @Bean
    PublicPaths transparencyLogPaths() {
        return PublicPaths.get("/api/v1/transparency/**");
    }
}
