package trade.caravan.catalog.listing;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import trade.caravan.catalog.ProductId;

/** What anyone may read of the catalog: published listings. */
@Service
public class PublicCatalog {

    private final Listings listings;

    PublicCatalog(Listings listings) {
        this.listings = listings;
    }

    @Transactional(readOnly = true)
    public Optional<ListingView> find(ProductId id) {
        return listings.findById(id.value()).map(ListingView::of);
    }

    @Transactional(readOnly = true)
    public boolean isListed(ProductId id) {
        return listings.existsById(id.value());
    }
}
