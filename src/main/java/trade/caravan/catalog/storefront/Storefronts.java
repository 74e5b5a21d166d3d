package trade.caravan.catalog.storefront;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import trade.caravan.accounts.OrganizationDirectory;
import trade.caravan.accounts.OrganizationFacts;
import trade.caravan.accounts.TradeRole;
import trade.caravan.catalog.listing.ListingDirectory;
import trade.caravan.catalog.listing.ListingView;
import trade.caravan.platform.CursorPage;
import trade.caravan.reference.HsEntry;
import trade.caravan.reference.HsNomenclature;
import trade.caravan.shared.OrganizationId;

/**
 * A supplier's storefront: its public profile, what the platform has verified about it, its
 * product categories (HS chapters) and its published listings. An organization that only imports
 * and lists nothing has no storefront; a supplier with nothing published yet has an empty one.
 */
@Service
class Storefronts {

    /** A supplier and its catalog at a glance. */
    record Storefront(OrganizationFacts facts, long listings, List<Category> categories) {

        OrganizationId id() {
            return facts.summary().id();
        }
    }

    /** An HS chapter the supplier lists products in, with how many. */
    record Category(String chapter, @Nullable String description, long listings) {
    }

    private final OrganizationDirectory organizations;
    private final ListingDirectory directory;
    private final HsNomenclature hs;

    Storefronts(OrganizationDirectory organizations, ListingDirectory directory, HsNomenclature hs) {
        this.organizations = organizations;
        this.directory = directory;
        this.hs = hs;
    }

    Optional<Storefront> find(OrganizationId id) {
        return organizations.facts(id).flatMap(facts -> {
            long listings = directory.count(id);
            if (listings == 0 && facts.summary().tradeRole() == TradeRole.IMPORTER) {
                return Optional.empty();
            }
            List<Category> categories = listings == 0 ? List.of() : directory.chapters(id).stream()
                    .map(c -> new Category(c.chapter(), hs.find(c.chapter()).map(HsEntry::description).orElse(null),
                            c.listings()))
                    .toList();
            return Optional.of(new Storefront(facts, listings, categories));
        });
    }

    CursorPage<ListingView> listings(OrganizationId id, @Nullable String cursor, int limit) {
        return directory.page(id, cursor, limit);
    }
}
