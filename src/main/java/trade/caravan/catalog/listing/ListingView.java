package trade.caravan.catalog.listing;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import trade.caravan.catalog.CertificationKind;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.catalog.pricing.PriceTiers;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.shared.OrganizationId;

/** A published product as anyone may see it. */
public record ListingView(ProductId id, OrganizationId supplier, String supplierName, CountryCode supplierCountry,
        String hsCode, String hsChapter, String hsSection, String defaultLocale, List<Text> texts,
        List<Specification> specifications, UnitOfMeasure unit, PriceTiers prices, int leadTimeDays,
        CountryCode origin, @Nullable String portOfLoading, List<Certification> certifications,
        @Nullable Packaging packaging, List<UUID> images, Instant publishedAt, Instant updatedAt, long version) {

    public record Text(String locale, String title, @Nullable String description) {
    }

    public record Specification(String name, String value) {
    }

    /** A certification, with its certificate file when the supplier uploaded one (served at {@code /media/<certificate>}). */
    public record Certification(CertificationKind kind, @Nullable String name, @Nullable UUID certificate) {

        public Certification(CertificationKind kind, @Nullable String name) {
            this(kind, name, null);
        }
    }

    public record Packaging(int unitsPerCarton, int lengthMm, int widthMm, int heightMm, int grossWeightGrams) {
    }

    /** The text in the reader's language, else in the listing's default language. */
    public Text text(Locale locale) {
        return texts.stream().filter(t -> Locale.forLanguageTag(t.locale()).getLanguage().equals(locale.getLanguage()))
                .findFirst()
                .orElseGet(() -> texts.stream().filter(t -> t.locale().equals(defaultLocale)).findFirst()
                        .orElse(texts.getFirst()));
    }

    /** The text in exactly the language asked for ({@code zh-TW} before {@code zh-CN}), else as {@link #text(Locale)}. */
    public Text textFor(Locale wanted) {
        String tag = wanted.toLanguageTag();
        return texts.stream().filter(t -> t.locale().equalsIgnoreCase(tag)).findFirst().orElseGet(() -> text(wanted));
    }

    public CurrencyCode currency() {
        return prices.currency();
    }

    static ListingView of(Listing listing) {
        return new ListingView(new ProductId(listing.id), new OrganizationId(listing.supplierId), listing.supplierName,
                new CountryCode(listing.supplierCountry), listing.hsCode, listing.hsChapter, listing.hsSection,
                listing.defaultLocale,
                listing.texts.stream().map(t -> new Text(t.locale, t.title, t.description)).toList(),
                listing.specifications.stream().map(s -> new Specification(s.name, s.value)).toList(),
                UnitOfMeasure.fromCode(listing.unitOfMeasure).orElseThrow(),
                new PriceTiers(new CurrencyCode(listing.currency), listing.tiers.stream()
                        .map(t -> new PriceTiers.Tier(t.minQuantity, t.unitPriceMinor)).toList()),
                listing.leadTimeDays, new CountryCode(listing.originCountry), listing.portOfLoading,
                listing.certifications.stream().map(c -> new Certification(c.kind, c.name, c.certificateId)).toList(),
                listing.unitsPerCarton == null ? null : new Packaging(listing.unitsPerCarton, listing.cartonLengthMm,
                        listing.cartonWidthMm, listing.cartonHeightMm, listing.cartonGrossWeightGrams),
                List.copyOf(listing.images), listing.publishedAt, listing.updatedAt, listing.productVersion);
    }
}
