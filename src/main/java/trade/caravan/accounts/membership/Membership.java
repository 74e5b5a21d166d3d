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

import trade.caravan.accounts.Role;
import trade.caravan.shared.OrganizationId;
import trade.caravan.shared.UserId;

/** A user's place in an organization: its role there. Tenant-owned. */
@Entity
@Table(name = "memberships", schema = "accounts")
class Membership {

    @Id
    private UUID id;
    @TenantId
    private UUID organizationId;
    private UUID userId;
    @Enumerated(EnumType.STRING)
    private Role role;
    private Instant createdAt;
    @Version
    private long version;

    protected Membership() {
    }

    Membership(UserId user, Role role, Instant now) {
        this.id = UUID.randomUUID();
        this.userId = user.value();
        this.role = role;
        this.createdAt = now;
    }

    /** For system work only (demo data): the tenant is stamped explicitly. */
    Membership(OrganizationId organization, UserId user, Role role, Instant now) {
        this(user, role, now);
        this.organizationId = organization.value();
    }

    UUID id() {
        return id;
    }

    OrganizationId organizationId() {
        return new OrganizationId(organizationId);
    }

    UserId userId() {
        return new UserId(userId);
    }

    Role role() {
        return role;
    }

    Instant createdAt() {
        return createdAt;
    }

    void changeRole(Role role) {
        this.role = role;
    }
}
