package trade.caravan.accounts.identity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/** A single-use, expiring link secret (stored as its SHA-256 digest only). */
@Entity
@Table(name = "one_time_tokens", schema = "accounts")
class OneTimeToken {

    enum Purpose {
        EMAIL_VERIFICATION, PASSWORD_RESET
    }

    @Id
    private UUID id;
    private UUID userId;
    @Enumerated(EnumType.STRING)
    private Purpose purpose;
    private byte[] tokenHash;
    private Instant createdAt;
    private Instant expiresAt;
    private @Nullable Instant usedAt;

    protected OneTimeToken() {
    }

    OneTimeToken(UUID userId, Purpose purpose, byte[] tokenHash, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.purpose = purpose;
        this.tokenHash = tokenHash.clone();
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    UUID userId() {
        return userId;
    }

    boolean usable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    void use(Instant now) {
        this.usedAt = now;
    }
}
