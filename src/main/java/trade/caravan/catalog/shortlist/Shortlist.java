package trade.caravan.catalog.shortlist;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import trade.caravan.accounts.Actor;
import trade.caravan.accounts.Permission;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.listing.ListingView;
import trade.caravan.catalog.listing.PublicCatalog;
import trade.caravan.platform.Cursor;
import trade.caravan.platform.CursorPage;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.Tenancy;

/**
 * The current organization's shortlist of published products, shared by all its members. Adding
 * is a trading act (TRADE permission); every member may read it. A product that has since been
 * withdrawn stays on the list, shown as no longer available.
 */
@Service
public class Shortlist {

    /** A shortlisted product and, while it is published, its listing. */
    public record Entry(ProductId product, Instant addedAt, Optional<ListingView> listing) {
    }

    private final ShortlistItems items;
    private final PublicCatalog catalog;
    private final Tenancy tenancy;
    private final Clock clock;

    Shortlist(ShortlistItems items, PublicCatalog catalog, Tenancy tenancy, Clock clock) {
        this.items = items;
        this.catalog = catalog;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @Transactional
    public void add(Actor actor, ProductId product) {
        require(actor, Permission.TRADE);
        if (!catalog.isListed(product)) {
            throw DomainException.notFound();
        }
        // the organization is the caller's tenant, stated explicitly because this insert is plain SQL
        items.addOnce(UUID.randomUUID(), tenancy.requireOrganization().value(), product.value(),
                actor.userId() == null ? null : actor.userId().value(), clock.instant());
    }

    @Transactional
    public void remove(Actor actor, ProductId product) {
        require(actor, Permission.TRADE);
        items.findByProductId(product.value()).ifPresent(items::delete);
    }

    @Transactional(readOnly = true)
    public boolean contains(ProductId product) {
        return items.existsByProductId(product.value());
    }

    @Transactional(readOnly = true)
    public CursorPage<Entry> page(@Nullable String cursor, int limit) {
        @Nullable Cursor after = Cursor.decode(cursor, 2);
        List<ShortlistItem> rows = items.page(after == null ? ShortlistItems.START : after.instantAt(0),
                after == null ? ShortlistItems.LAST_ID : after.uuidAt(1), Limit.of(limit + 1));
        return CursorPage.of(rows, limit, i -> Cursor.of(i.addedAt().toString(), i.id().toString()))
                .map(i -> new Entry(new ProductId(i.productId()), i.addedAt(),
                        catalog.find(new ProductId(i.productId()))));
    }

    private static void require(Actor actor, Permission permission) {
        if (!actor.can(permission)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "error.forbidden");
        }
    }
}
