package trade.caravan.accounts.token;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

import trade.caravan.accounts.Permission;
import trade.caravan.platform.DomainException;
import trade.caravan.shared.OrganizationId;
import trade.caravan.shared.UserId;

/**
 * An organization's API token. The secret is shown once and stored as a SHA-256 digest; the
 * permissions are fixed at creation (scopes intersected with the creator's role). Tenant-owned.
 */
@Entity
@Table(name = "api_tokens", schema = "accounts")
class ApiToken {

    @Id
    private UUID id;
    @TenantId
    private UUID organizationId;
    private String name;
    private String lookupId;
    private byte[] secretHash;
    /** Comma-separated permission authorities granted. */
    private String scopes;
    private UUID createdBy;
    private Instant createdAt;
    private Instant expiresAt;
    private @Nullable Instant lastUsedAt;
    private @Nullable Instant revokedAt;
    @Version
    private long version;

    protected ApiToken() {
    }

    ApiToken(String name, String lookupId, byte[] secretHash, Set<Permission> permissions, UserId createdBy,
            Instant now, Instant expiresAt) {
        if (permissions.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, "error.token.no-permissions");
        }
        this.id = UUID.randomUUID();
        this.name = name;
        this.lookupId = lookupId;
        this.secretHash = secretHash.clone();
        this.scopes = permissions.stream().map(Permission::name).sorted().collect(Collectors.joining(","));
        this.createdBy = createdBy.value();
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    UUID id() {
        return id;
    }

    OrganizationId organizationId() {
        return new OrganizationId(organizationId);
    }

    String name() {
        return name;
    }

    String lookupId() {
        return lookupId;
    }

    byte[] secretHash() {
        return secretHash.clone();
    }

    Set<Permission> permissions() {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        Arrays.stream(scopes.split(",")).filter(s -> !s.isBlank()).map(Permission::valueOf).forEach(permissions::add);
        return permissions;
    }

    UserId createdBy() {
        return new UserId(createdBy);
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    @Nullable Instant lastUsedAt() {
        return lastUsedAt;
    }

    @Nullable Instant revokedAt() {
        return revokedAt;
    }

    boolean active(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    void revoke(Instant now) {
        if (revokedAt != null) {
            throw new DomainException(DomainException.Kind.CONFLICT, "error.token.already-revoked");
        }
        this.revokedAt = now;
    }
}
