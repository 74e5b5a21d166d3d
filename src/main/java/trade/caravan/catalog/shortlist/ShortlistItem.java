package trade.caravan.catalog.shortlist;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** A product a buyer organization keeps an eye on; tenant-owned by the buyer, shared by its members. */
@Entity
@Table(name = "shortlist_items", schema = "catalog")
class ShortlistItem {

    @Id
    private UUID id;
    @TenantId
    private UUID organizationId;
    private UUID productId;
    private @Nullable UUID addedBy;
    private Instant addedAt;

    protected ShortlistItem() {
    }

    UUID id() {
        return id;
    }

    UUID productId() {
        return productId;
    }

    Instant addedAt() {
        return addedAt;
    }
}
