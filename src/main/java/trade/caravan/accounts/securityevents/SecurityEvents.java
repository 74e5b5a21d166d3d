package trade.caravan.accounts.securityevents;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import trade.caravan.audit.AuditAction;
import trade.caravan.audit.AuditEvent;
import trade.caravan.audit.AuditTrail;
import trade.caravan.shared.OrganizationId;
import trade.caravan.shared.UserId;

/** Records the accounts module's security events in the audit trail, with the client's address. */
@Component
public class SecurityEvents {

    private final AuditTrail trail;

    SecurityEvents(AuditTrail trail) {
        this.trail = trail;
    }

    public void record(AuditAction action, @Nullable OrganizationId organization, @Nullable UserId actor,
            @Nullable String actorLabel, @Nullable String subject) {
        record(action, organization, actor, actorLabel, subject, Map.of());
    }

    public void record(AuditAction action, @Nullable OrganizationId organization, @Nullable UserId actor,
            @Nullable String actorLabel, @Nullable String subject, Map<String, String> details) {
        trail.record(new AuditEvent(action, organization, actor, actorLabel, subject, details, clientAddress()));
    }

    private static @Nullable String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
