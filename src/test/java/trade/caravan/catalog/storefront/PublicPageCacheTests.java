package trade.caravan.catalog.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.listing.ListingChanged;
import trade.caravan.shared.OrganizationId;

class PublicPageCacheTests {

    private final PublicPageCache cache = new PublicPageCache(
            new PublicPagesSettings(Duration.ofMinutes(1), Duration.ofMinutes(1), DataSize.ofMegabytes(1), 50_000));
    private final ProductId product = new ProductId(UUID.randomUUID());
    private final OrganizationId supplier = new OrganizationId(UUID.randomUUID());

    @Test
    void aChangeDropsTheProductPageItsStorefrontAndTheSitemapsButNothingElse() {
        var page = key("/products/" + product);
        var storefront = key("/suppliers/" + supplier);
        var sitemap = key("/sitemap.xml");
        var other = key("/products/" + UUID.randomUUID());
        for (var key : List.of(page, storefront, sitemap, other)) {
            cache.store(key, response(), cache.generation());
        }

        cache.on(new ListingChanged(product, supplier));

        assertThat(cache.response(page)).isNull();
        assertThat(cache.response(storefront)).isNull();
        assertThat(cache.response(sitemap)).isNull();
        assertThat(cache.response(other)).isNotNull();
    }

    @Test
    void aPageRenderedFromTheOldListingWhileTheChangeCommittedIsNotStored() {
        var page = key("/products/" + product);
        long before = cache.generation();
        // the page was being rendered from the old listing when the change committed
        cache.on(new ListingChanged(product, supplier));
        cache.store(page, response(), before);
        assertThat(cache.response(page)).isNull();

        cache.store(page, response(), cache.generation());
        assertThat(cache.response(page)).isNotNull();
    }

    private static PublicPageCache.ResponseKey key(String path) {
        return new PublicPageCache.ResponseKey(path, "", "en", false);
    }

    private static PublicPageCache.CachedResponse response() {
        return new PublicPageCache.CachedResponse(List.of(), new byte[] {1, 2, 3}, "\"etag\"");
    }
}
