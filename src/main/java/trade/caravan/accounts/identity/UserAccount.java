package trade.caravan.accounts.identity;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import trade.caravan.platform.SupportedLocales;
import trade.caravan.shared.UserId;

/** A person who signs in. Belongs to one organization through a membership. */
@Entity
@Table(name = "users", schema = "accounts")
class UserAccount {

    @Id
    private UUID id;
    private String email;
    private String displayName;
    private String passwordHash;
    private String preferredLocale;
    private @Nullable Instant emailVerifiedAt;
    private boolean enabled;
    private Instant createdAt;
    private Instant passwordChangedAt;
    @Version
    @Column(name = "version")
    private long version;

    protected UserAccount() {
    }

    UserAccount(UserId id, String email, String displayName, String passwordHash, Locale locale, Instant now) {
        this.id = id.value();
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.preferredLocale = SupportedLocales.normalize(locale).toLanguageTag();
        this.enabled = true;
        this.createdAt = now;
        this.passwordChangedAt = now;
    }

    UserId id() {
        return new UserId(id);
    }

    String email() {
        return email;
    }

    String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    Locale locale() {
        return Locale.forLanguageTag(preferredLocale);
    }

    boolean emailVerified() {
        return emailVerifiedAt != null;
    }

    boolean enabled() {
        return enabled;
    }

    Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    void verifyEmail(Instant now) {
        if (emailVerifiedAt == null) {
            emailVerifiedAt = now;
        }
    }

    void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.passwordChangedAt = now;
    }

    void rename(String displayName) {
        this.displayName = displayName;
    }

    void preferLocale(Locale locale) {
        this.preferredLocale = SupportedLocales.normalize(locale).toLanguageTag();
    }

    void disable() {
        this.enabled = false;
    }

    void enable() {
        this.enabled = true;
    }
}
