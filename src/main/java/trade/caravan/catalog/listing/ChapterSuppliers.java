package trade.caravan.catalog.listing;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import trade.caravan.catalog.SupplierMatching;
import trade.caravan.reference.HsCode;
import trade.caravan.shared.OrganizationId;

/**
 * Suppliers by HS chapter, counted in one query over the listings (public, so no tenant applies;
 * only published products have one). The index {@code listings_chapter_supplier_idx} lets it
 * count a chapter from the index alone at a million listings.
 */
@Component
class ChapterSuppliers implements SupplierMatching {

    private final JdbcClient jdbc;

    ChapterSuppliers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrganizationId> suppliersListingIn(HsCode hsCode, Set<OrganizationId> excluding, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        String[] excluded = excluding.stream().map(OrganizationId::toString).toArray(String[]::new);
        return jdbc.sql("""
                        select supplier_id from catalog.listings
                        where hs_chapter = ? and supplier_id <> all (cast(? as uuid[]))
                        group by supplier_id
                        order by count(*) desc, supplier_id
                        limit ?""")
                .params(hsCode.chapter().value(), excluded, limit)
                .query((row, n) -> new OrganizationId(row.getObject(1, UUID.class)))
                .list();
    }
}
