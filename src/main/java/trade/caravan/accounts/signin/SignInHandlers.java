package trade.caravan.accounts.signin;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import trade.caravan.accounts.MemberPrincipal;
import trade.caravan.accounts.securityevents.SecurityEvents;
import trade.caravan.audit.AuditAction;

/**
 * What a successful authentication step does to the session: a fresh session id and CSRF token
 * (against session fixation), the security context stored in the session, the member's language;
 * and what signing out records.
 */
@Component
public class SignInHandlers implements LogoutHandler {

    private final HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final SessionAuthenticationStrategy sessionStrategy;
    private final SecurityEvents events;
    private final LocaleResolver locales;

    SignInHandlers(SessionAuthenticationStrategy signInSessionStrategy, SecurityEvents events, LocaleResolver locales) {
        this.sessionStrategy = signInSessionStrategy;
        this.events = events;
        this.locales = locales;
    }

    /** Starts a new session for this authentication (new id, new CSRF token) and stores it there. */
    void establish(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true);
        sessionStrategy.onAuthentication(authentication, request, response);
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(authentication);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    /** Records a completed sign-in and switches the interface to the member's language. */
    void completed(HttpServletRequest request, HttpServletResponse response, MemberPrincipal member, String method) {
        events.record(AuditAction.SIGN_IN_SUCCEEDED, member.organizationId(), member.userId(), member.email(),
                member.userId().toString(), Map.of("method", method));
        locales.setLocale(request, response, member.locale());
    }

    /** Where to go after signing in: the page that asked for it, else home. */
    String targetAfterSignIn(HttpServletRequest request, HttpServletResponse response) {
        var saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        return saved == null ? "/" : saved.getRedirectUrl();
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof MemberPrincipal member) {
            events.record(AuditAction.SIGNED_OUT, member.organizationId(), member.userId(), member.email(),
                    member.userId().toString());
        }
    }
}
