package trade.caravan.catalog.product;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import trade.caravan.catalog.ProductStatus;

/** The current supplier's products (Hibernate's tenant filter scopes every query). */
interface Products extends JpaRepository<Product, UUID> {

    /** A page after the cursor (for the first page: {@link #START} and {@link #LAST_ID}). */
    @Query("""
            select p from Product p
            where p.status in :statuses
              and (p.updatedAt < :afterUpdated or (p.updatedAt = :afterUpdated and p.id < :afterId))
            order by p.updatedAt desc, p.id desc""")
    List<Product> page(Collection<ProductStatus> statuses, Instant afterUpdated, UUID afterId, Limit limit);

    /** Later than any stored time (PostgreSQL's timestamptz ends in the year 294276). */
    Instant START = Instant.parse("9999-12-31T23:59:59Z");
    UUID LAST_ID = new UUID(-1L, -1L);

    long countByStatus(ProductStatus status);

    /** All products in the order they were created, a page after the given one (exports). */
    @Query("""
            select p from Product p
            where p.createdAt > :afterCreated or (p.createdAt = :afterCreated and p.id > :afterId)
            order by p.createdAt, p.id""")
    List<Product> inCreationOrder(Instant afterCreated, UUID afterId, Limit limit);

    /** Earlier than any stored time, for the first page of {@link #inCreationOrder}. */
    Instant BEGINNING = Instant.parse("0001-01-01T00:00:00Z");
    UUID FIRST_ID = new UUID(0L, 0L);

    /** The language tags the products have texts in. */
    @Query("select distinct t.locale from Product p join p.texts t")
    List<String> locales();

    /** The supplier's references in use: product id and sku. */
    @Query("select p.id, p.sku from Product p where p.sku is not null")
    List<Object[]> skus();
}
