package trade.caravan.catalog.listing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import trade.caravan.catalog.CertificationKind;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.shared.Money;
import trade.caravan.shared.OrganizationId;

/**
 * One page of search results, built from the index alone, with the facet counts of the whole
 * result set.
 *
 * @param query      the words searched for, as normalized
 * @param sort       the order applied
 * @param hits       this page's listings
 * @param total      how many listings match in all
 * @param nextCursor the cursor of the next page, {@code null} on the last one
 * @param broadened  whether too few listings matched the words exactly, so near spellings were
 *                   accepted too ("kettel" finds "kettle")
 * @param currency   the buyer's currency: indicative prices are in it
 * @param priceBandCurrency the currency of the price bands: the buyer's, or the euro when the ECB
 *                   publishes no rate for it
 * @param facets     counts by HS section and chapter, origin, certification, price and MOQ band
 */
public record SearchResults(String query, SearchSort sort, List<Hit> hits, long total, @Nullable String nextCursor,
        boolean broadened, CurrencyCode currency, CurrencyCode priceBandCurrency, Facets facets) {

    public SearchResults {
        hits = List.copyOf(hits);
    }

    public boolean hasMore() {
        return nextCursor != null;
    }

    /**
     * A listing as a result. {@code titleHtml} and {@code snippetHtml} are HTML-escaped text in which
     * only {@code <mark>} elements mark the words found.
     *
     * @param title           the title in the reader's language, else in the listing's default language
     * @param lowestPrice     the lowest unit price in the supplier's currency (the price)
     * @param indicativePrice the same converted to the buyer's currency at the latest ECB rate (for
     *                        orientation only), {@code null} when it is the same currency or no rate exists
     * @param image           the first image's media id, if any
     */
    public record Hit(ProductId id, String title, String titleHtml, String snippetHtml, OrganizationId supplierId,
            String supplierName, String supplierCountry, String supplierCountryName, Money lowestPrice,
            String lowestPriceText, @Nullable Money indicativePrice, @Nullable String indicativePriceText,
            long minimumOrderQuantity, UnitOfMeasure unit, String origin, String originName, @Nullable UUID image,
            List<CertificationKind> certifications, String hsCode, Instant publishedAt) {

        public Hit {
            certifications = List.copyOf(certifications);
        }

        /** The HS code as people write it: "8516.71", whether it is stored with its dot or as digits. */
        public String hsCodeDotted() {
            String digits = hsCode.replace(".", "");
            return digits.length() > 4 ? digits.substring(0, 4) + "." + digits.substring(4) : digits;
        }
    }

    /** Counts per filter value; within a filter, each count ignores that filter's own selection. */
    public record Facets(List<Facet> hsSections, List<Facet> hsChapters, List<Facet> origins,
            List<Facet> certifications, List<Facet> priceBands, List<Facet> moqBands) {

        public Facets {
            hsSections = List.copyOf(hsSections);
            hsChapters = List.copyOf(hsChapters);
            origins = List.copyOf(origins);
            certifications = List.copyOf(certifications);
            priceBands = List.copyOf(priceBands);
            moqBands = List.copyOf(moqBands);
        }
    }

    /**
     * One value of a filter: what to send ({@code value}), what to show ({@code label}, in the
     * reader's language), how many listings have it, and whether it is selected.
     */
    public record Facet(String value, String label, long count, boolean selected) {
    }
}
