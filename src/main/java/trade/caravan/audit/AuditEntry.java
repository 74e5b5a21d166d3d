package trade.caravan.audit;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import trade.caravan.shared.OrganizationId;
import trade.caravan.shared.UserId;

/** An entry as stored: the event, its position in the chain, its time and its hash. */
public record AuditEntry(long sequence, Instant occurredAt, AuditAction action,
        @Nullable OrganizationId organization, @Nullable UserId actor, @Nullable String actorLabel,
        @Nullable String subject, Map<String, String> details, @Nullable String ipAddress,
        String previousHash, String hash) {
}
