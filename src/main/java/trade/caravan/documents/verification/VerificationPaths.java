package trade.caravan.documents.verification;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import trade.caravan.platform.PublicPaths;

/**
 * Anyone holding a document may check it, without an account: the page (form and verdict) and the
 * API. Both answer the same to everyone and change nothing, so they take no CSRF token and open
 * no session (see the security configuration and ADR 15).
 */
@Configuration(proxyBeanMethods = false)
class VerificationPaths {

    @Bean
    PublicPaths verifyPagePaths() {
        return PublicPaths.any("/verify");
    }

    @Bean
    PublicPaths verifyApiPaths() {
        return new PublicPaths(HttpMethod.POST, List.of("/api/v1/verify"));
    }
}
