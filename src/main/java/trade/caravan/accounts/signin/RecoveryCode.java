package trade.caravan.accounts.signin;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/** A single-use recovery code, stored as a SHA-256 digest (the codes carry 80 random bits). */
@Entity
@Table(name = "recovery_codes", schema = "accounts")
class RecoveryCode {

    @Id
    private UUID id;
    private UUID userId;
    private byte[] codeHash;
    private Instant createdAt;
    private @Nullable Instant usedAt;

    protected RecoveryCode() {
    }

    RecoveryCode(UUID userId, byte[] codeHash, Instant now) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.codeHash = codeHash.clone();
        this.createdAt = now;
    }

    byte[] codeHash() {
        return codeHash.clone();
    }

    boolean unused() {
        return usedAt == null;
    }

    void use(Instant now) {
        this.usedAt = now;
    }
}
