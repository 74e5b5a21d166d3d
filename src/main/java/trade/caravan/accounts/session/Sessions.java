package trade.caravan.accounts.session;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import trade.caravan.shared.UserId;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC) and are indexed by principal name, which is
 * the user id; so disabling, removing or re-roling a user ends every session it has, on every node.
 */
@Component
public class Sessions {

    private final FindByIndexNameSessionRepository<? extends Session> repository;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    Sessions(FindByIndexNameSessionRepository<? extends Session> repository) {
        this.repository = repository;
    }

    /** Ends every session of the user; returns how many. */
    public int endAll(UserId user) {
        Map<String, ? extends Session> sessions = repository.findByPrincipalName(user.toString());
        sessions.keySet().forEach(repository::deleteById);
        return sessions.size();
    }

    /** Ends every session of the user except the one of the current request. */
    public int endAllOthers(UserId user) {
        @Nullable String current = currentSessionId();
        Map<String, ? extends Session> sessions = repository.findByPrincipalName(user.toString());
        int ended = 0;
        for (String id : sessions.keySet()) {
            if (!id.equals(current)) {
                repository.deleteById(id);
                ended++;
            }
        }
        return ended;
    }

    /** Replaces the current request's authentication and stores it in its session. */
    public void replaceCurrent(Authentication authentication) {
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(authentication);
        holder.setContext(context);
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            HttpServletResponse response = attributes.getResponse();
            contexts.saveContext(context, request, response);
        }
    }

    private static @Nullable String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            var session = attributes.getRequest().getSession(false);
            return session == null ? null : session.getId();
        }
        return null;
    }
}
