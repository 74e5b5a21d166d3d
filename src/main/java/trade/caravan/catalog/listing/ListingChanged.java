package trade.caravan.catalog.listing;

import trade.caravan.catalog.ProductId;
import trade.caravan.shared.OrganizationId;

/**
 * A listing was published, revised or withdrawn: what the public sees of {@code product} (and of
 * its supplier's storefront) changed. Published inside the writing transaction; a listener that
 * acts on what is committed (page caches, search) waits for the commit itself.
 */
public record ListingChanged(ProductId product, OrganizationId supplier) {
}
