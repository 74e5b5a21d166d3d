package trade.caravan.accounts.signin;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import trade.caravan.accounts.MemberPrincipal;
import trade.caravan.accounts.securityevents.SecurityEvents;
import trade.caravan.audit.AuditAction;

/**
 * What happens after the password step: a member without a second factor is in; one with a
 * second factor goes to the code page; failures re-render the sign-in page with the right status
 * (401, or 429 with {@code Retry-After}) and one generic message for unknown address and wrong
 * password alike.
 */
@Component
public class SignInHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutHandler {

    static final String FAILURE_ATTRIBUTE = "caravan.signInFailure";
    static final String RETRY_AFTER_ATTRIBUTE = "caravan.retryAfter";
    static final String UNVERIFIED_USER_SESSION_KEY = "caravan.unverifiedUser";

    private final SavedRequestAwareAuthenticationSuccessHandler savedRequest = new SavedRequestAwareAuthenticationSuccessHandler();
    private final HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
    private final SecurityEvents events;
    private final LocaleResolver locales;

    SignInHandlers(SecurityEvents events, LocaleResolver locales) {
        this.events = events;
        this.locales = locales;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        if (authentication.getPrincipal() instanceof PendingSecondFactor) {
            response.sendRedirect(request.getContextPath() + "/login/second-factor");
            return;
        }
        if (authentication.getPrincipal() instanceof MemberPrincipal member) {
            completed(request, response, member, "password");
        }
        savedRequest.onAuthenticationSuccess(request, response, authentication);
    }

    /** Records a completed sign-in and switches the interface to the member's language. */
    void completed(HttpServletRequest request, HttpServletResponse response, MemberPrincipal member, String method) {
        events.record(AuditAction.SIGN_IN_SUCCEEDED, member.organizationId(), member.userId(), member.email(),
                member.userId().toString(), java.util.Map.of("method", method));
        locales.setLocale(request, response, member.locale());
    }

    /** Where to go after signing in: the page that asked for it, else home. */
    String targetAfterSignIn(HttpServletRequest request, HttpServletResponse response) {
        var saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        return saved == null ? "/" : saved.getRedirectUrl();
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        String failure;
        if (exception instanceof SignInThrottled throttled) {
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            request.setAttribute(RETRY_AFTER_ATTRIBUTE, throttled.retryAfterSeconds());
            failure = "throttled";
        } else if (exception instanceof EmailNotVerified unverified) {
            response.setStatus(403);
            request.getSession().setAttribute(UNVERIFIED_USER_SESSION_KEY, unverified.user().toString());
            failure = "unverified";
        } else {
            response.setStatus(401);
            failure = "invalid";
        }
        request.setAttribute(FAILURE_ATTRIBUTE, failure);
        request.getRequestDispatcher("/login/failed").forward(request, response);
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof MemberPrincipal member) {
            events.record(AuditAction.SIGNED_OUT, member.organizationId(), member.userId(), member.email(),
                    member.userId().toString());
        }
    }
}
