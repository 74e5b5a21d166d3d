package trade.caravan.catalog.storefront;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import trade.caravan.platform.PublicPaths;

/** What anyone may read without signing in: product pages, storefronts, the sitemap, and their API. */
@Configuration(proxyBeanMethods = false)
class StorefrontPaths {

    @Bean
    PublicPaths storefrontPublicPaths() {
        return PublicPaths.get("/products/*", "/suppliers/*", "/sitemap.xml", "/sitemap-*.xml", "/robots.txt",
                "/api/v1/storefronts/*", "/api/v1/storefronts/*/listings", "/api/v1/listings/*");
    }
}
