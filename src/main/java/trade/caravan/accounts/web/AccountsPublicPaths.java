package trade.caravan.accounts.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import trade.caravan.platform.PublicPaths;

/** Pages of the accounts module that work without signing in. */
@Configuration(proxyBeanMethods = false)
class AccountsPublicPaths {

    @Bean
    PublicPaths accountPages() {
        return PublicPaths.any("/signup", "/verify-email", "/password-reset", "/password-reset/confirm",
                "/invitations/accept");
    }

    @Bean
    PublicPaths signUpApi() {
        return new PublicPaths(HttpMethod.POST, java.util.List.of("/api/v1/signup"));
    }
}
