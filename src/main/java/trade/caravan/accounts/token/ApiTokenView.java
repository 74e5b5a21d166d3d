package trade.caravan.accounts.token;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A token as listed: never its secret. */
public record ApiTokenView(UUID id, String name, String prefix, Set<String> permissions, Instant createdAt,
        Instant expiresAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt, boolean active) {
}
