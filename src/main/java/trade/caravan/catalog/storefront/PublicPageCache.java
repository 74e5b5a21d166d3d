package trade.caravan.catalog.storefront;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.listing.ListingChanged;
import trade.caravan.catalog.listing.ListingView;

/**
 * This node's memory of public catalog pages: listings, assembled product pages, and whole
 * anonymous responses (docs/adr/0009-public-page-caching.md). Bounded, and every entry expires
 * after {@code cache-ttl}; when a listing changes, everything that shows it is dropped as soon as
 * the change commits.
 *
 * <p>A page that was being built from the old listing while the change committed must not be
 * stored after the drop. Every drop first moves {@link #generation()} on; a loader notes the
 * generation before it reads, and an entry stored under an older one is removed again.
 */
@Component
class PublicPageCache {

    /** An anonymous response as the whole filter chain produced it, headers included. */
    record CachedResponse(List<Header> headers, byte[] body, String etag) {

        record Header(String name, String value) {
        }
    }

    /** What an anonymous response depends on besides the listing data: page, query, language, TLS. */
    record ResponseKey(String path, String query, String locale, boolean secure) {
    }

    private final Cache<ProductId, ListingView> listings;
    private final Cache<ProductPages.Key, ProductPage> pages;
    private final @Nullable Cache<ResponseKey, CachedResponse> responses;
    private final AtomicLong generation = new AtomicLong();

    PublicPageCache(PublicPagesSettings settings) {
        this.listings = Caffeine.newBuilder().maximumSize(5_000).expireAfterWrite(settings.cacheTtl()).build();
        this.pages = Caffeine.newBuilder().maximumSize(5_000).expireAfterWrite(settings.cacheTtl()).build();
        this.responses = settings.cacheSize().toBytes() <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(settings.cacheSize().toBytes())
                .<ResponseKey, CachedResponse>weigher((key, response) -> response.body().length + 512)
                .expireAfterWrite(settings.cacheTtl())
                .build();
    }

    long generation() {
        return generation.get();
    }

    @Nullable ListingView listing(ProductId id, Function<ProductId, @Nullable ListingView> loader) {
        return load(listings, id, loader);
    }

    ProductPage page(ProductPages.Key key, Function<ProductPages.Key, ProductPage> loader) {
        ProductPage page = load(pages, key, loader);
        if (page == null) {
            throw new IllegalStateException("A product page is always built");
        }
        return page;
    }

    @Nullable CachedResponse response(ResponseKey key) {
        return responses == null ? null : responses.getIfPresent(key);
    }

    /** Stores a response rendered since {@code generationBefore}, unless a listing changed meanwhile. */
    void store(ResponseKey key, CachedResponse response, long generationBefore) {
        if (responses != null) {
            put(responses, key, response, generationBefore);
        }
    }

    /** Drops what showed the listing once the change is committed (at once outside a transaction). */
    @EventListener
    void on(ListingChanged changed) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    // dropped whether it committed or not: a rolled-back change costs one rendering
                    drop(changed);
                }
            });
        } else {
            drop(changed);
        }
    }

    private void drop(ListingChanged changed) {
        generation.incrementAndGet();
        listings.invalidate(changed.product());
        pages.asMap().keySet().removeIf(key -> key.product().equals(changed.product()));
        if (responses != null) {
            String product = "/products/" + changed.product();
            String storefront = "/suppliers/" + changed.supplier();
            Predicate<ResponseKey> shows = key -> key.path().equals(product) || key.path().equals(storefront)
                    || key.path().startsWith("/sitemap");
            responses.asMap().keySet().removeIf(shows);
        }
    }

    private <K, V> @Nullable V load(Cache<K, V> cache, K key, Function<K, @Nullable V> loader) {
        V cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        long before = generation.get();
        V loaded = loader.apply(key);
        if (loaded != null) {
            put(cache, key, loaded, before);
        }
        return loaded;
    }

    private <K, V> void put(Cache<K, V> cache, K key, V value, long generationBefore) {
        if (generation.get() != generationBefore) {
            return;
        }
        cache.put(key, value);
        if (generation.get() != generationBefore) {
            // a drop ran between the check and the put; it may have missed this entry
            cache.asMap().remove(key, value);
        }
    }
}
