package trade.caravan.catalog.product;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import trade.caravan.shared.OrganizationId;

/**
 * The supplier's uploaded files, as far as a product refers to them by identifier; implemented by
 * the media package (which depends on this one, not the other way round). A product may show only
 * its own supplier's images and certificates, so no supplier can put another's file (perhaps one
 * of an unpublished draft) on its page by sending its identifier.
 */
public interface SupplierMedia {

    /** Of {@code ids}, those that are {@code supplier}'s product images. */
    Set<UUID> images(OrganizationId supplier, Collection<UUID> ids);

    /** Of {@code ids}, those that are {@code supplier}'s certificate files. */
    Set<UUID> certificates(OrganizationId supplier, Collection<UUID> ids);
}
