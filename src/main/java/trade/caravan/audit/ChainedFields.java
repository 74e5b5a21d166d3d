package trade.caravan.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The fields of an entry that its hash covers, as stored. The action is kept as text: verification
 * must be able to hash whatever the table holds, including a value no {@link AuditAction} names.
 */
record ChainedFields(long sequence, Instant occurredAt, String action, @Nullable UUID organization,
        @Nullable UUID actor, @Nullable String actorLabel, @Nullable String subject, Map<String, String> details,
        @Nullable String ipAddress) {

    ChainedFields {
        details = Map.copyOf(details);
    }
}
