package trade.caravan.audit;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import trade.caravan.shared.OrganizationId;
import trade.caravan.shared.UserId;

/**
 * A security event to append to the trail.
 *
 * @param action       what happened
 * @param organization the organization whose security log shows it; {@code null} when no
 *                     organization is known (e.g. a failed sign-in for an unknown e-mail)
 * @param actor        who did it, if known
 * @param actorLabel   how to show the actor (e-mail address as typed, token name), if any
 * @param subject      what it was done to (a user id, a token id, an e-mail address), if any
 * @param details      further facts, short strings only (role from/to, reason); never secrets
 * @param ipAddress    the client address of the request, if any
 */
public record AuditEvent(AuditAction action, @Nullable OrganizationId organization, @Nullable UserId actor,
        @Nullable String actorLabel, @Nullable String subject, Map<String, String> details,
        @Nullable String ipAddress) {

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        details = Map.copyOf(details);
    }
}
