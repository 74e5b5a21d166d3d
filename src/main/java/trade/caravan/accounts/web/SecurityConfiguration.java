package trade.caravan.accounts.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.Http403ForbiddenEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;

import trade.caravan.accounts.MemberPrincipal;
import trade.caravan.accounts.signin.PasskeySignIn;
import trade.caravan.accounts.signin.SignInHandlers;
import trade.caravan.accounts.token.BearerTokenFilter;
import trade.caravan.accounts.token.TokenManagement;
import trade.caravan.platform.Links;
import trade.caravan.platform.OperatorAccess;
import trade.caravan.platform.OperatorPaths;
import trade.caravan.platform.Problems;
import trade.caravan.platform.PublicPaths;

/**
 * The application's one security filter chain.
 * <ul>
 * <li>Paths that modules declare public ({@link PublicPaths}) are open; operator paths
 * ({@link OperatorPaths}) are open to operator addresses only (a chain of their own); every other page needs a completed
 * sign-in ({@link MemberPrincipal#SIGNED_IN}); {@code /api/**} also accepts API tokens.</li>
 * <li>CSRF tokens on every form and htmx request; API calls authenticated by a bearer token carry
 * no ambient credential and are exempt, as is the anonymous sign-up API.</li>
 * <li>Strict headers: a CSP without inline scripts or styles, {@code frame-ancestors 'none'},
 * {@code nosniff}, a referrer policy that keeps link tokens on this origin, HSTS over TLS.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** The one inline style element of Swagger UI 5 (webjar org.webjars:swagger-ui via springdoc). */
    static final String SWAGGER_UI_STYLE_HASH = "sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=";

    private static final RequestMatcher API = PathPatternRequestMatcher.pathPattern("/api/**");

    /**
     * Operator pages ({@link OperatorPaths}: mail outbox, audit chain, metrics) have no login: they
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
        headers(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, List<PublicPaths> publicPaths,
            SignInHandlers signIn, PasskeySignIn passkeySignIn, TokenManagement tokens, Problems problems,
            CsrfTokenRepository csrfTokens, Links links,
            PublicKeyCredentialCreationOptionsRepository registrationCeremonies) throws Exception {
        RequestMatcher bearerRequests = request -> {
            String header = request.getHeader("Authorization");
            return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        };

        http.authorizeHttpRequests(requests -> {
            permit(requests, publicPaths);
            requests.requestMatchers("/login", "/login/resend-verification", "/login/webauthn",
                    "/webauthn/authenticate/options").permitAll();
            requests.requestMatchers("/login/second-factor").hasAuthority("FACTOR_PENDING");
            requests.requestMatchers(API).hasAnyAuthority(MemberPrincipal.SIGNED_IN, BearerTokenFilter.API_CLIENT);
            requests.anyRequest().hasAuthority(MemberPrincipal.SIGNED_IN);
        });

        http.addFilterBefore(new BearerTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class);


        // passkeys: Spring Security's WebAuthn ceremonies; registration needs a signed-in member
        http.webAuthn(webAuthn -> webAuthn
                .rpName("Caravan")
                .rpId(links.host())
                .allowedOrigins(links.origin())
                .disableDefaultRegistrationPage(true)
                .creationOptionsRepository(registrationCeremonies)
                .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                    @Override
                    public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationSuccessHandler(passkeySignIn);
                        filter.setAuthenticationFailureHandler(passkeySignIn);
                        return filter;
                    }
                }));

        http.logout(logout -> logout
                .logoutUrl("/logout")
                .addLogoutHandler(signIn)
                .invalidateHttpSession(true)
                .clearAuthentication(true)
                .deleteCookies("CARAVAN_SESSION")
                .logoutSuccessUrl("/login?logout"));

        // document verification (documents.verification) changes nothing and answers everyone alike, so
        // anonymous checks need no session to hold a token
        http.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).ignoringRequestMatchers(bearerRequests,
                PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/v1/signup"),
                PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/verify"),
                PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/v1/verify")));

        var pageRequests = new HttpSessionRequestCache();
        pageRequests.setRequestMatcher(request -> "GET".equals(request.getMethod()) && !API.matches(request)
                && request.getHeader("HX-Request") == null);
        http.requestCache(cache -> cache.requestCache(pageRequests));

        http.exceptionHandling(exceptions -> exceptions
                .defaultAuthenticationEntryPointFor(apiEntryPoint(problems), API)
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
                .defaultAccessDeniedHandlerFor(apiAccessDenied(problems), API)
                .defaultAccessDeniedHandlerFor(pageAccessDenied(), request -> true));

        headers(http);
        return http.build();
    }

    /** One CSRF token store for the filter and for the sign-in, which renews the token. */
    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        return new HttpSessionCsrfTokenRepository();
    }

    /** At every sign-in step: a new session id (no fixation) and a new CSRF token. */
    @Bean
    SessionAuthenticationStrategy signInSessionStrategy(CsrfTokenRepository csrfTokens) {
        return new CompositeSessionAuthenticationStrategy(List.of(new ChangeSessionIdAuthenticationStrategy(),
                new CsrfAuthenticationStrategy(csrfTokens)));
    }

    private static void headers(HttpSecurity http) throws Exception {
        // Swagger UI injects one <style> element; only its hash is allowed, and only on its pages
        RequestMatcher swaggerUi = PathPatternRequestMatcher.pathPattern("/swagger-ui/**");
        http.headers(headers -> headers
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swaggerUi),
                        new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swaggerUi,
                        new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY.replace("style-src 'self'",
                                "style-src 'self' '" + SWAGGER_UI_STYLE_HASH + "'"))))
                .referrerPolicy(referrer -> referrer.policy(
                        ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(frame -> frame.deny())
                .permissionsPolicyHeader(permissions -> permissions.policy(
                        "camera=(), microphone=(), geolocation=(), payment=(), usb=()")));
    }

    private static AuthenticationEntryPoint apiEntryPoint(Problems problems) {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            problems.write(response, HttpStatus.UNAUTHORIZED, "error.unauthorized");
        };
    }

    private static AccessDeniedHandler apiAccessDenied(Problems problems) {
        return (request, response, exception) -> problems.write(response, HttpStatus.FORBIDDEN, "error.forbidden");
    }

    /** A member who still owes the second factor is sent to it; anyone else sees the 403 page. */
    private static AccessDeniedHandler pageAccessDenied() {
        var errorPage = new AccessDeniedHandlerImpl();
        return (request, response, exception) -> {
            if (pendingSecondFactor(request)) {
                response.sendRedirect(request.getContextPath() + "/login/second-factor");
                return;
            }
            errorPage.handle(request, response, exception);
        };
    }

    private static boolean pendingSecondFactor(HttpServletRequest request) {
        var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
        Authentication authentication = context.getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> "FACTOR_PENDING".equals(a.getAuthority()));
    }

    private static void permit(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
            List<PublicPaths> publicPaths) {
        for (PublicPaths paths : publicPaths) {
            for (String pattern : paths.patterns()) {
                if (paths.method() == null) {
                    requests.requestMatchers(PathPatternRequestMatcher.pathPattern(pattern)).permitAll();
                } else {
                    requests.requestMatchers(PathPatternRequestMatcher.pathPattern(paths.method(), pattern)).permitAll();
                    if (paths.method() == HttpMethod.GET) {
                        // what may be read may also be asked about (HEAD answers like GET, without a body)
                        requests.requestMatchers(PathPatternRequestMatcher.pathPattern(HttpMethod.HEAD, pattern))
                                .permitAll();
                    }
                }
            }
        }
    }
}
