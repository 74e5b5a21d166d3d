package trade.caravan.accounts.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.Http403ForbiddenEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import trade.caravan.platform.OperatorAccess;
import trade.caravan.platform.OperatorPaths;
import trade.caravan.platform.PublicPaths;

/** The application's security filter chains. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Operator pages ({@link OperatorPaths}: mail outbox, audit chain endpoint) have no login: they
     * are served to operator addresses and refused with 403 to everyone else. A chain of their
     * own, because in the main chain a refused anonymous request is sent to the login form.
     */
    @Bean
    @Order(1)
    SecurityFilterChain operatorFilterChain(HttpSecurity http, List<OperatorPaths> operatorPaths,
            OperatorAccess operatorAccess) throws Exception {
        List<RequestMatcher> matchers = operatorPaths.stream()
                .flatMap(paths -> paths.patterns().stream())
                .<RequestMatcher>map(PathPatternRequestMatcher::pathPattern)
                .toList();
        http.securityMatcher(matchers.isEmpty() ? request -> false : new OrRequestMatcher(matchers));
        http.authorizeHttpRequests(requests -> requests.anyRequest().access((authentication, context) ->
                new AuthorizationDecision(operatorAccess.matches(context.getRequest()))));
        http.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(new Http403ForbiddenEntryPoint()));
        return http.build();
    }

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
