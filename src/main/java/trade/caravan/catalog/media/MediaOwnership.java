package trade.caravan.catalog.media;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import trade.caravan.catalog.product.SupplierMedia;
import trade.caravan.shared.OrganizationId;

/** Tells the product rules which files are the supplier's own, by owner and kind (not only by tenant scope, so system work is checked too). */
@Component
class MediaOwnership implements SupplierMedia {

    private final MediaFiles files;

    MediaOwnership(MediaFiles files) {
        this.files = files;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<UUID> images(OrganizationId supplier, Collection<UUID> ids) {
        return owned(supplier, ids, MediaKind.PRODUCT_IMAGE);
    }

    @Override
    @Transactional(readOnly = true)
    public Set<UUID> certificates(OrganizationId supplier, Collection<UUID> ids) {
        return owned(supplier, ids, MediaKind.CERTIFICATE);
    }

    private Set<UUID> owned(OrganizationId supplier, Collection<UUID> ids, MediaKind kind) {
        return ids.isEmpty() ? Set.of() : new HashSet<>(files.owned(Set.copyOf(ids), supplier.value(), kind));
    }
}
