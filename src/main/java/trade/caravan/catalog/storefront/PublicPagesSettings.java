package trade.caravan.catalog.storefront;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code caravan.catalog.public-pages.*}: how public catalog pages are cached
 * (docs/adr/0009-public-page-caching.md).
 *
 * @param maxAge          {@code Cache-Control: public, max-age} of anonymous pages, for browsers and shared caches
 * @param cacheTtl        how long this node keeps a rendered page or page model at most; bounds how stale a page
 *                        can be on other nodes of a cluster (this node drops it at once when the listing changes)
 * @param cacheSize       memory for rendered anonymous responses on this node ({@code 0} turns the cache off)
 * @param sitemapPageSize URLs per sitemap file; beyond it {@code /sitemap.xml} becomes a sitemap index (the
 *                        sitemaps.org limit is 50,000)
 */
@ConfigurationProperties("caravan.catalog.public-pages")
record PublicPagesSettings(@DefaultValue("60s") Duration maxAge, @DefaultValue("60s") Duration cacheTtl,
        @DefaultValue("64MB") DataSize cacheSize, @DefaultValue("50000") int sitemapPageSize) {

    PublicPagesSettings {
        if (sitemapPageSize < 1 || sitemapPageSize > 50_000) {
            throw new IllegalArgumentException("caravan.catalog.public-pages.sitemap-page-size must be 1 to 50000");
        }
    }
}
