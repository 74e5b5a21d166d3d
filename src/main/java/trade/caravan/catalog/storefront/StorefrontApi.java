package trade.caravan.catalog.storefront;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import trade.caravan.accounts.TradeRole;
import trade.caravan.catalog.CertificationKind;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.listing.ListingView;
import trade.caravan.catalog.listing.PublicCatalog;
import trade.caravan.catalog.pricing.IndicativePrices;
import trade.caravan.platform.CursorPage;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.Links;
import trade.caravan.shared.Money;
import trade.caravan.shared.OrganizationId;

/**
 * The public catalog over the API, without credentials: storefronts, their listings, and any
 * published listing. Prices are in minor units of the supplier's currency, as the supplier gave them.
 */
@RestController
@Tag(name = "Public catalog", description = "Storefronts and published listings; no credentials needed")
class StorefrontApi {

    record Category(String hsChapter, @Nullable String description, long listings) {
    }

    record StorefrontResource(UUID id, String legalName, String country, TradeRole tradeRole,
            @Nullable String website, Instant memberSince,
            boolean registrationNumberStated, List<String> verifiedOwnerEmailDomains, long listings,
            List<Category> categories, URI page) {
    }

    record Tier(long minQuantity, long unitPriceMinor, BigDecimal unitPrice) {
    }

    record Certification(CertificationKind kind, @Nullable String name) {
    }

    record Supplier(UUID id, String name, String country, URI storefront) {
    }

    /** A listing in a list: enough to choose, with the title in the caller's language where there is one. */
    record ListingSummary(UUID id, String title, String locale, String hsCode, String unit, long minimumOrderQuantity,
            String currency, long lowestUnitPriceMinor, int leadTimeDays, String origin, @Nullable UUID image,
            Instant updatedAt, URI page) {
    }

    /** Everything public about a listing, every language included. */
    record ListingResource(UUID id, long version, Supplier supplier, String hsCode, String defaultLocale,
            List<ListingView.Text> texts, List<ListingView.Specification> specifications, String unit,
            long minimumOrderQuantity, String currency, List<Tier> tiers, int leadTimeDays, String origin,
            @Nullable String portOfLoading, List<Certification> certifications,
            ListingView.@Nullable Packaging packaging, List<URI> images, Instant publishedAt, Instant updatedAt,
            URI page) {
    }

    private final Storefronts storefronts;
    private final PublicCatalog catalog;
    private final IndicativePrices prices;
    private final Links links;

    StorefrontApi(Storefronts storefronts, PublicCatalog catalog, IndicativePrices prices, Links links) {
        this.storefronts = storefronts;
        this.catalog = catalog;
        this.prices = prices;
        this.links = links;
    }

    @GetMapping("/api/v1/storefronts/{organizationId}")
    @Operation(summary = "A supplier's storefront: profile, verified facts, product categories",
            description = "Country, role in trade and website are stated by the supplier; verifiedOwnerEmailDomains "
                    + "are domains at which an owner confirmed an e-mail address. Organizations that only import "
                    + "and list nothing have no storefront (404).")
    @ApiResponse(responseCode = "404", description = "No such supplier")
    StorefrontResource storefront(@PathVariable UUID organizationId) {
        Storefronts.Storefront storefront = storefronts.find(new OrganizationId(organizationId))
                .orElseThrow(DomainException::notFound);
        var summary = storefront.facts().summary();
        return new StorefrontResource(organizationId, summary.legalName(), summary.country().value(),
                summary.tradeRole(), summary.website(), storefront.facts().memberSince(),
                storefront.facts().registrationNumberStated(), storefront.facts().verifiedOwnerEmailDomains(),
                storefront.listings(), storefront.categories().stream()
                        .map(c -> new Category(c.chapter(), c.description(), c.listings())).toList(),
                URI.create(links.absolute("/suppliers/" + organizationId)));
    }

    @GetMapping("/api/v1/storefronts/{organizationId}/listings")
    @Operation(summary = "A supplier's published listings, most recently changed first (cursor pagination)")
    @ApiResponse(responseCode = "404", description = "No such supplier")
    CursorPage<ListingSummary> listings(@PathVariable UUID organizationId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit, Locale locale) {
        OrganizationId supplier = new OrganizationId(organizationId);
        storefronts.find(supplier).orElseThrow(DomainException::notFound);
        return storefronts.listings(supplier, cursor, CursorPage.limit(limit)).map(l -> summary(l, locale));
    }

    @GetMapping("/api/v1/listings/{productId}")
    @Operation(summary = "A published listing", description = "Drafts, withdrawn and unknown products are all 404.")
    @ApiResponse(responseCode = "404", description = "Not published")
    ListingResource listing(@PathVariable UUID productId) {
        ListingView l = catalog.find(new ProductId(productId)).orElseThrow(DomainException::notFound);
        int digits = prices.minorDigits(l.currency());
        return new ListingResource(productId, l.version(),
                new Supplier(l.supplier().value(), l.supplierName(), l.supplierCountry().value(),
                        URI.create(links.absolute("/suppliers/" + l.supplier()))),
                ProductPages.hsDisplay(l.hsCode()), l.defaultLocale(), l.texts(), l.specifications(), l.unit().code(),
                l.prices().minimumOrderQuantity(), l.currency().value(),
                l.prices().tiers().stream().map(t -> new Tier(t.minQuantity(), t.unitPriceMinor(),
                        new Money(t.unitPriceMinor(), l.currency()).amount(digits))).toList(),
                l.leadTimeDays(), l.origin().value(), l.portOfLoading(),
                l.certifications().stream().map(c -> new Certification(c.kind(), c.name())).toList(), l.packaging(),
                l.images().stream().map(image -> URI.create(links.absolute("/media/" + image))).toList(),
                l.publishedAt(), l.updatedAt(), URI.create(links.absolute("/products/" + productId)));
    }

    private ListingSummary summary(ListingView l, Locale locale) {
        ListingView.Text text = ProductPages.textFor(l, locale);
        return new ListingSummary(l.id().value(), text.title(), text.locale(), ProductPages.hsDisplay(l.hsCode()),
                l.unit().code(), l.prices().minimumOrderQuantity(), l.currency().value(),
                l.prices().lowestUnitPrice().minor(), l.leadTimeDays(), l.origin().value(),
                l.images().isEmpty() ? null : l.images().getFirst(), l.updatedAt(),
                URI.create(links.absolute("/products/" + l.id())));
    }
}
