package trade.caravan.notifications.outbox;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A mail in the outbox, as stored. */
public record OutboxMail(UUID id, Instant createdAt, String recipient, String subject, String textBody,
        @Nullable String htmlBody, String category, MailStatus status, int attempts, @Nullable Instant nextAttemptAt,
        @Nullable String lastError, @Nullable Instant sentAt) {
}
