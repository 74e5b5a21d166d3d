package trade.caravan.catalog.storefront;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import trade.caravan.catalog.CertificationKind;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.listing.ListingView;

/**
 * Everything the public product page shows, worked out once for a listing, a reader's language and
 * a buyer's currency, and kept in {@link PublicPageCache}: money is already formatted, reference
 * data already looked up. Per-user state (shortlist) is not part of it.
 *
 * @param text          the title and description shown, in {@code text.locale()}
 * @param fallback      whether that is not the language asked for (the page says so)
 * @param explicit      whether the language was asked for in the address ({@code ?lang=})
 * @param canonicalUrl  absolute canonical address of this language version
 * @param alternates    hreflang alternates: every language of the listing, then {@code x-default}
 * @param rateDate      day of the ECB reference rate the indicative prices use; null when none are shown
 * @param noRate        whether the buyer's currency cannot be reached by an ECB rate (no indicative prices)
 */
record ProductPage(
        ProductId id,
        ListingView.Text text,
        String defaultLanguageName,
        boolean fallback,
        boolean explicit,
        String canonicalUrl,
        String baseUrl,
        List<Alternate> alternates,
        List<Language> languages,
        List<UUID> images,
        @Nullable String ogImageUrl,
        String ogDescription,
        String hsCode,
        @Nullable String hsDescription,
        List<ListingView.Specification> specifications,
        String unitCode,
        String minimumOrderQuantity,
        String currency,
        String buyerCurrency,
        List<Tier> tiers,
        @Nullable LocalDate rateDate,
        boolean noRate,
        List<CurrencyChoices.Option> currencies,
        int leadTimeDays,
        String originCode,
        String originName,
        @Nullable Port port,
        List<Certification> certifications,
        @Nullable Packaging packaging,
        Supplier supplier,
        String jsonLd) {

    /** A language version for hreflang ({@code x-default} for the negotiated one). */
    record Alternate(String hreflang, String href) {
    }

    /** A language the listing is written in, named in that language, for the reader to switch to. */
    record Language(String tag, String name, String href, boolean current) {
    }

    /** A price tier: the supplier's price, and beside it the indicative one in the buyer's currency. */
    record Tier(String fromQuantity, String price, @Nullable String indicative) {
    }

    record Port(String code, String name, String countryName) {
    }

    /** A certification: translated by kind, or named by the supplier (OTHER). */
    record Certification(CertificationKind kind, @Nullable String name) {
    }

    record Packaging(String unitsPerCarton, String lengthMm, String widthMm, String heightMm, String grossWeightKg) {
    }

    record Supplier(String id, String name, String countryName, String storefrontPath) {
    }

    public boolean hasIndicativePrices() {
        return rateDate != null;
    }
}
