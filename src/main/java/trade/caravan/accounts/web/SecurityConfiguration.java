package trade.caravan.accounts.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import trade.caravan.platform.OperatorAccess;
import trade.caravan.platform.PublicPaths;

/** The application's one security filter chain. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, List<PublicPaths> publicPaths,
            OperatorAccess operatorAccess) throws Exception {
        http.authorizeHttpRequests(requests -> {
            permit(requests, publicPaths);
            requests.requestMatchers("/actuator/prometheus").access((authentication, context) ->
                    new org.springframework.security.authorization.AuthorizationDecision(
                            operatorAccess.matches(context.getRequest())));
            requests.anyRequest().authenticated();
        });
        http.formLogin(form -> form.permitAll());
        return http.build();
    }

    private static void permit(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
            List<PublicPaths> publicPaths) {
        for (PublicPaths paths : publicPaths) {
            for (String pattern : paths.patterns()) {
                requests.requestMatchers(paths.method() == null
                        ? PathPatternRequestMatcher.pathPattern(pattern)
                        : PathPatternRequestMatcher.pathPattern(paths.method(), pattern)).permitAll();
            }
        }
    }
}
