package trade.caravan.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * Read-only mapping of an entry, for an organization's security log. The {@code @TenantId}
 * makes Hibernate add the current tenant to every query, so a tenant sees its own entries and
 * never another's, nor the entries of no organization. Entries are written only by
 * {@link HashChainedAuditTrail}, in SQL, under the append lock.
 */
@Entity
@Immutable
@Table(schema = "audit", name = "entries")
class StoredAuditEntry {

    @Id
    @Column(name = "sequence", insertable = false, updatable = false)
    private long sequence;

    @Column(name = "occurred_at", insertable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "action", insertable = false, updatable = false)
    private String action;

    @TenantId
    @Column(name = "organization_id", insertable = false, updatable = false)
    private @Nullable UUID organizationId;

    @Column(name = "actor_id", insertable = false, updatable = false)
    private @Nullable UUID actorId;

    @Column(name = "actor_label", insertable = false, updatable = false)
    private @Nullable String actorLabel;

    @Column(name = "subject", insertable = false, updatable = false)
    private @Nullable String subject;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "details", insertable = false, updatable = false)
    private String details;

    @Column(name = "ip_address", insertable = false, updatable = false)
    private @Nullable String ipAddress;

    @Column(name = "previous_hash", insertable = false, updatable = false)
    private String previousHash;

    @Column(name = "hash", insertable = false, updatable = false)
    private String hash;

    protected StoredAuditEntry() {
    }

    long sequence() {
        return sequence;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    String action() {
        return action;
    }

    @Nullable UUID organizationId() {
        return organizationId;
    }

    @Nullable UUID actorId() {
        return actorId;
    }

    @Nullable String actorLabel() {
        return actorLabel;
    }

    @Nullable String subject() {
        return subject;
    }

    String details() {
        return details;
    }

    @Nullable String ipAddress() {
        return ipAddress;
    }

    String previousHash() {
        return previousHash;
    }

    String hash() {
        return hash;
    }
}
