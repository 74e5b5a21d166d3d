package trade.caravan.catalog.listing;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import trade.caravan.catalog.ProductId;
import trade.caravan.platform.Cursor;
import trade.caravan.platform.CursorPage;
import trade.caravan.shared.OrganizationId;

/**
 * Published listings read by supplier and in bulk: a supplier's storefront (its listings, newest
 * change first, and its HS chapters) and the sitemap (every listing, every supplier with one). Only
 * listings exist here, so drafts and withdrawn products never appear.
 */
@Service
public class ListingDirectory {

    /** How many of a supplier's listings fall in one HS chapter. */
    public record ChapterCount(String chapter, long listings) {
    }

    /** A listing as the sitemap names it: its page, when it last changed, and its languages. */
    public record SitemapListing(ProductId id, Instant updatedAt, List<String> locales) {
    }

    /** A supplier with listings, and when the newest of them last changed. */
    public record SitemapSupplier(OrganizationId id, Instant updatedAt) {
    }

    private static final Instant START = Instant.parse("9999-12-31T23:59:59Z");
    private static final UUID FIRST_ID = new UUID(0L, 0L);

    private final EntityManager entities;
    private final JdbcClient jdbc;

    ListingDirectory(EntityManager entities, JdbcClient jdbc) {
        this.entities = entities;
        this.jdbc = jdbc;
    }

    /** The supplier's listings, most recently changed first. */
    @Transactional(readOnly = true)
    public CursorPage<ListingView> page(OrganizationId supplier, @Nullable String cursor, int limit) {
        @Nullable Cursor after = Cursor.decode(cursor, 2);
        List<Listing> rows = entities.createQuery("""
                        select l from Listing l
                        where l.supplierId = :supplier
                          and (l.updatedAt < :afterUpdated or (l.updatedAt = :afterUpdated and l.id > :afterId))
                        order by l.updatedAt desc, l.id""", Listing.class)
                .setParameter("supplier", supplier.value())
                .setParameter("afterUpdated", after == null ? START : after.instantAt(0))
                .setParameter("afterId", after == null ? FIRST_ID : after.uuidAt(1))
                .setMaxResults(limit + 1)
                .getResultList();
        return CursorPage.of(rows, limit, l -> Cursor.of(l.updatedAt.toString(), l.id.toString()))
                .map(ListingView::of);
    }

    @Transactional(readOnly = true)
    public long count(OrganizationId supplier) {
        return jdbc.sql("select count(*) from catalog.listings where supplier_id = ?")
                .param(supplier.value()).query(Long.class).single();
    }

    /** The supplier's HS chapters with their listing counts, in chapter order. */
    @Transactional(readOnly = true)
    public List<ChapterCount> chapters(OrganizationId supplier) {
        return jdbc.sql("""
                        select hs_chapter, count(*) from catalog.listings where supplier_id = ?
                        group by hs_chapter order by hs_chapter""")
                .param(supplier.value())
                .query((row, n) -> new ChapterCount(row.getString(1), row.getLong(2))).list();
    }

    @Transactional(readOnly = true)
    public long countListings() {
        return jdbc.sql("select count(*) from catalog.listings").query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public long countSuppliers() {
        return jdbc.sql("select count(distinct supplier_id) from catalog.listings").query(Long.class).single();
    }

    /** Hands listings {@code offset} to {@code offset + limit} (by id) to {@code sink}, one row at a time. */
    @Transactional(readOnly = true)
    public void listings(long offset, int limit, Consumer<SitemapListing> sink) {
        jdbc.sql("""
                        select l.id, l.updated_at,
                               array(select t.locale from catalog.listing_texts t where t.listing_id = l.id
                                     order by t.locale) as locales
                        from catalog.listings l order by l.id offset ? limit ?""")
                .params(offset, limit)
                .query((RowCallbackHandler) row -> sink.accept(new SitemapListing(new ProductId(row.getObject(1, UUID.class)),
                        instant(row.getTimestamp(2)), strings(row.getArray(3)))));
    }

    /** Hands suppliers with listings {@code offset} to {@code offset + limit} (by id) to {@code sink}. */
    @Transactional(readOnly = true)
    public void suppliers(long offset, int limit, Consumer<SitemapSupplier> sink) {
        jdbc.sql("""
                        select supplier_id, max(updated_at) from catalog.listings
                        group by supplier_id order by supplier_id offset ? limit ?""")
                .params(offset, limit)
                .query((RowCallbackHandler) row -> sink.accept(new SitemapSupplier(new OrganizationId(row.getObject(1, UUID.class)),
                        instant(row.getTimestamp(2)))));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
