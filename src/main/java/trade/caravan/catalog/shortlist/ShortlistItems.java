package trade.caravan.catalog.shortlist;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The current organization's shortlist (tenant filter). */
interface ShortlistItems extends JpaRepository<ShortlistItem, UUID> {

    Optional<ShortlistItem> findByProductId(UUID productId);

    boolean existsByProductId(UUID productId);

    /** Adds once: a colleague adding the same product at the same moment is not an error. */
    @Modifying
    @Query(value = """
            insert into catalog.shortlist_items (id, organization_id, product_id, added_by, added_at)
            values (:id, :organization, :product, :addedBy, :addedAt)
            on conflict (organization_id, product_id) do nothing""", nativeQuery = true)
    int addOnce(UUID id, UUID organization, UUID product, UUID addedBy, Instant addedAt);

    @Query("""
            select i from ShortlistItem i
            where i.addedAt < :afterAdded or (i.addedAt = :afterAdded and i.id < :afterId)
            order by i.addedAt desc, i.id desc""")
    List<ShortlistItem> page(Instant afterAdded, UUID afterId, Limit limit);

    /** Later than any stored time, for the first page. */
    Instant START = Instant.parse("9999-12-31T23:59:59Z");
    UUID LAST_ID = new UUID(-1L, -1L);
}
