package trade.caravan.accounts.signin;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * A user's TOTP seed (sealed with the installation's data key) and the last time step accepted,
 * so each code is accepted once only (RFC 6238 section 5.2).
 */
@Entity
@Table(name = "totp_credentials", schema = "accounts")
class TotpCredential {

    @Id
    private UUID userId;
    private byte[] secret;
    private @Nullable Instant confirmedAt;
    private long lastUsedStep;
    private Instant createdAt;

    protected TotpCredential() {
    }

    TotpCredential(UUID userId, byte[] sealedSecret, Instant now) {
        this.userId = userId;
        this.secret = sealedSecret.clone();
        this.createdAt = now;
    }

    byte[] sealedSecret() {
        return secret.clone();
    }

    boolean confirmed() {
        return confirmedAt != null;
    }

    void confirm(Instant now) {
        this.confirmedAt = now;
    }

    long lastUsedStep() {
        return lastUsedStep;
    }

    void use(long step) {
        this.lastUsedStep = step;
    }
}
