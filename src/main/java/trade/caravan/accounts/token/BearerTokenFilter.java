package trade.caravan.accounts.token;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import trade.caravan.accounts.Permission;
import trade.caravan.platform.Problems;

/**
 * Authenticates {@code /api/**} requests that carry {@code Authorization: Bearer <token>}.
 * Stateless: nothing goes into a session. A bad token is refused with 401 and a problem
 * document; it does not fall back to any other authentication. Registered by the security
 * configuration (not as a servlet filter of its own).
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    /** Authority of a request authenticated by an API token. */
    public static final String API_CLIENT = "API_CLIENT";
    private static final String BEARER = "Bearer ";

    private final TokenManagement tokens;
    private final Problems problems;

    public BearerTokenFilter(TokenManagement tokens, Problems problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip();
        Optional<TokenManagement.AuthenticatedToken> token = tokens.authenticate(presented);
        if (token.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            problems.write(response, HttpStatus.UNAUTHORIZED, "error.token.invalid");
            return;
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(API_CLIENT));
        token.get().permissions().stream().map(Permission::authority).map(SimpleGrantedAuthority::new)
                .forEach(authorities::add);
        var authentication = UsernamePasswordAuthenticationToken.authenticated(token.get().principal(), null, authorities);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
