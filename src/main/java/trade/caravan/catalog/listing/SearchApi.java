package trade.caravan.catalog.listing;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import trade.caravan.catalog.CertificationKind;
import trade.caravan.catalog.listing.SearchResults.Facet;
import trade.caravan.catalog.listing.SearchResults.Hit;
import trade.caravan.catalog.pricing.BuyerCurrency;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.shared.Money;

/** Catalog search over the API: public, like the search page, with the same parameters. */
@RestController
@RequestMapping("/api/v1/search")
@Tag(name = "Search", description = "Full-text search of published products, with facets (no sign-in needed)")
class SearchApi {

    private static final CurrencyCode DOLLAR = new CurrencyCode("USD");

    private final ListingSearch search;
    private final BuyerCurrency buyerCurrency;

    SearchApi(ListingSearch search, BuyerCurrency buyerCurrency) {
        this.search = search;
        this.buyerCurrency = buyerCurrency;
    }

    /** A price: minor units of its ISO 4217 currency, and as the reader would read it. */
    record Price(long minor, String currency, String display) {

        static @Nullable Price of(@Nullable Money money, @Nullable String display) {
            return money == null || display == null ? null
                    : new Price(money.minor(), money.currency().value(), display);
        }
    }

    record Supplier(UUID id, String name, String country, String countryName) {
    }

    /**
     * A product found. {@code titleHtml} and {@code snippetHtml} are HTML-escaped text in which only
     * {@code <mark>} elements mark the words found.
     */
    record Item(UUID id, String title, String titleHtml, String snippetHtml, Supplier supplier, Price lowestPrice,
            @Nullable Price indicativePrice, long minimumOrderQuantity, String unit, String origin, String originName,
            List<CertificationKind> certifications, String hsCode, @Nullable UUID image, Instant publishedAt,
            String productUrl, String supplierUrl) {

        static Item of(Hit hit) {
            return new Item(hit.id().value(), hit.title(), hit.titleHtml(), hit.snippetHtml(),
                    new Supplier(hit.supplierId().value(), hit.supplierName(), hit.supplierCountry(),
                            hit.supplierCountryName()),
                    Price.of(hit.lowestPrice(), hit.lowestPriceText()),
                    Price.of(hit.indicativePrice(), hit.indicativePriceText()), hit.minimumOrderQuantity(),
                    hit.unit().code(), hit.origin(), hit.originName(), hit.certifications(), hit.hsCode(), hit.image(),
                    hit.publishedAt(), "/products/" + hit.id(), "/suppliers/" + hit.supplierId());
        }
    }

    /** Counts by filter value; pass a {@code value} back as the filter's parameter. */
    record Facets(List<Facet> hsSection, List<Facet> hsChapter, List<Facet> origin, List<Facet> certification,
            List<Facet> priceBand, List<Facet> moqBand) {

        static Facets of(SearchResults.Facets facets) {
            return new Facets(facets.hsSections(), facets.hsChapters(), facets.origins(), facets.certifications(),
                    facets.priceBands(), facets.moqBands());
        }
    }

    /**
     * One page of results.
     *
     * @param broadened whether near spellings were accepted because few listings matched exactly
     * @param nextCursor pass as {@code cursor} for the next page; absent on the last page
     */
    record SearchPage(String query, String sort, long total, boolean broadened, String currency,
            String priceBandCurrency, List<Item> items, @Nullable String nextCursor, Facets facets) {
    }

    @GetMapping
    @Operation(summary = "Search published products",
            description = "Relevance-ranked full-text search in English and Chinese over titles, descriptions, "
                    + "specifications and supplier names, tolerant to typos in Latin-script words. Within a filter "
                    + "the values are alternatives; different filters all apply. Each facet counts the whole result "
                    + "set, ignoring its own filter's selection. Results come with highlighted text (HTML-escaped, "
                    + "<mark> around the words found). Bad parameters are answered 400 with every one named.")
    SearchPage search(
            @Parameter(description = "Words to look for (at most 100 characters, 10 words); absent lists everything")
            @RequestParam(required = false) @Nullable String q,
            @Parameter(description = "HS section, Roman numeral (XVI); repeatable")
            @RequestParam(name = "hsSection", required = false) @Nullable List<String> hsSection,
            @Parameter(description = "HS chapter, two digits (85); repeatable")
            @RequestParam(name = "hsChapter", required = false) @Nullable List<String> hsChapter,
            @Parameter(description = "Country of origin, ISO 3166 alpha-2 (CN); repeatable")
            @RequestParam(name = "origin", required = false) @Nullable List<String> origin,
            @Parameter(description = "Certification kind (CE, ISO_9001, ROHS, ...); repeatable")
            @RequestParam(name = "certification", required = false) @Nullable List<String> certification,
            @Parameter(description = "Lowest unit price band in minor units of the currency, from-to or from- "
                    + "(1000-5000 is 10.00 to 50.00); the facet lists round bands; repeatable")
            @RequestParam(name = "priceBand", required = false) @Nullable List<String> priceBand,
            @Parameter(description = "Minimum order quantity band, from-to or from- (100-500); repeatable")
            @RequestParam(name = "moqBand", required = false) @Nullable List<String> moqBand,
            @Parameter(description = "relevance (default with q), newest (default without), price-asc, price-desc, "
                    + "moq-asc")
            @RequestParam(required = false) @Nullable String sort,
            @Parameter(description = "The buyer's currency (ISO 4217): price bands and converted prices; "
                    + "by default the organization's, else the language's")
            @RequestParam(required = false) @Nullable String currency,
            @Parameter(description = "nextCursor of the previous page")
            @RequestParam(required = false) @Nullable String cursor,
            @Parameter(description = "Results per page, 1 to 100 (default 20)")
            @RequestParam(required = false) @Nullable Integer limit,
            HttpServletRequest request, HttpServletResponse response, Locale locale) {
        var query = new SearchRequest(q, hsSection, hsChapter, origin, certification, priceBand, moqBand, sort,
                currency, cursor, limit);
        // a currency named in the request is checked strictly by the search (and remembered nowhere)
        CurrencyCode fallback = currency == null || currency.isBlank()
                ? buyerCurrency.resolve(request, response, locale) : DOLLAR;
        SearchResults results = search.search(query, fallback, locale);
        return new SearchPage(results.query(), results.sort().parameter(), results.total(), results.broadened(),
                results.currency().value(), results.priceBandCurrency().value(),
                results.hits().stream().map(Item::of).toList(), results.nextCursor(), Facets.of(results.facets()));
    }
}
