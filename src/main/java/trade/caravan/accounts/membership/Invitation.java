package trade.caravan.accounts.membership;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

import trade.caravan.accounts.Role;
import trade.caravan.platform.DomainException;
import trade.caravan.shared.OrganizationId;
import trade.caravan.shared.UserId;

/** An invitation to join an organization, by e-mail, with an expiring single-use link. Tenant-owned. */
@Entity
@Table(name = "invitations", schema = "accounts")
class Invitation {

    enum Status {
        PENDING, ACCEPTED, REVOKED, EXPIRED
    }

    @Id
    private UUID id;
    @TenantId
    private UUID organizationId;
    private String email;
    @Enumerated(EnumType.STRING)
    private Role role;
    private byte[] tokenHash;
    /** The inviting member; {@code null} when an API token sent the invitation. */
    private @Nullable UUID invitedBy;
    private String invitedByLabel;
    private Instant createdAt;
    private Instant expiresAt;
    private @Nullable Instant acceptedAt;
    private @Nullable Instant revokedAt;
    @Version
    private long version;

    protected Invitation() {
    }

    Invitation(String email, Role role, byte[] tokenHash, @Nullable UserId invitedBy, String invitedByLabel,
            Instant now, Instant expiresAt) {
        if (!role.invitable()) {
            throw new DomainException(DomainException.Kind.INVALID, "error.invitation.role");
        }
        this.id = UUID.randomUUID();
        this.email = email;
        this.role = role;
        this.tokenHash = tokenHash.clone();
        this.invitedBy = invitedBy == null ? null : invitedBy.value();
        this.invitedByLabel = invitedByLabel;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    UUID id() {
        return id;
    }

    OrganizationId organizationId() {
        return new OrganizationId(organizationId);
    }

    String email() {
        return email;
    }

    Role role() {
        return role;
    }

    String invitedByLabel() {
        return invitedByLabel;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    Status status(Instant now) {
        if (acceptedAt != null) {
            return Status.ACCEPTED;
        }
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? Status.PENDING : Status.EXPIRED;
    }

    void accept(Instant now) {
        if (status(now) != Status.PENDING) {
            throw new DomainException(DomainException.Kind.GONE, "error.link.invalid");
        }
        this.acceptedAt = now;
    }

    void revoke(Instant now) {
        if (status(now) != Status.PENDING) {
            throw new DomainException(DomainException.Kind.CONFLICT, "error.invitation.not-pending");
        }
        this.revokedAt = now;
    }
}
