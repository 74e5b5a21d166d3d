package trade.caravan.catalog.storefront;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.listing.ListingView;
import trade.caravan.catalog.listing.PublicCatalog;
import trade.caravan.catalog.pricing.CatalogFormats;
import trade.caravan.catalog.pricing.IndicativePrices;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.Formats;
import trade.caravan.platform.Links;
import trade.caravan.reference.Countries;
import trade.caravan.reference.Country;
import trade.caravan.reference.HsEntry;
import trade.caravan.reference.HsNomenclature;
import trade.caravan.reference.Locations;
import trade.caravan.reference.UnLocode;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.shared.Money;

/**
 * Works out a public product page ({@link ProductPage}) for a reader: the text in the language
 * asked for ({@code ?lang=}) or the reader's, else the listing's fallback language; prices in the
 * supplier's currency with indicative ones in the buyer's; reference data by name. Pages are kept
 * in {@link PublicPageCache} under everything they depend on.
 */
@Component
class ProductPages {

    /** What a page depends on besides the listing itself. */
    record Key(ProductId product, String uiLocale, String textLocale, boolean fallback, boolean explicit,
            String currency) {
    }

    private final PublicCatalog catalog;
    private final PublicPageCache cache;
    private final HsNomenclature hs;
    private final Countries countries;
    private final Locations locations;
    private final IndicativePrices prices;
    private final CatalogFormats money;
    private final Formats formats;
    private final CurrencyChoices currencies;
    private final Links links;

    ProductPages(PublicCatalog catalog, PublicPageCache cache, HsNomenclature hs, Countries countries,
            Locations locations, IndicativePrices prices, CatalogFormats money, Formats formats,
            CurrencyChoices currencies, Links links) {
        this.catalog = catalog;
        this.cache = cache;
        this.hs = hs;
        this.countries = countries;
        this.locations = locations;
        this.prices = prices;
        this.money = money;
        this.formats = formats;
        this.currencies = currencies;
        this.links = links;
    }

    /** The page of a published product; empty for anything else (unknown, draft, withdrawn alike). */
    Optional<ProductPage> find(ProductId id, Locale reader, @Nullable String requestedLanguage, CurrencyCode buyer) {
        @Nullable ListingView listing = cache.listing(id, key -> catalog.find(key).orElse(null));
        if (listing == null) {
            return Optional.empty();
        }
        @Nullable Locale requested = languageTag(requestedLanguage);
        Locale wanted = requested == null ? reader : requested;
        ListingView.Text text = textFor(listing, wanted);
        boolean fallback = !Locale.forLanguageTag(text.locale()).getLanguage().equals(wanted.getLanguage());
        var key = new Key(id, reader.toLanguageTag(), text.locale(), fallback, requested != null, buyer.value());
        return Optional.of(cache.page(key, k -> build(listing, text, fallback, requested != null, reader, buyer)));
    }

    /** The text in exactly the language asked for, else in the same language, else the fallback one. */
    static ListingView.Text textFor(ListingView listing, Locale wanted) {
        return listing.textFor(wanted);
    }

    private ProductPage build(ListingView listing, ListingView.Text text, boolean fallback, boolean explicit,
            Locale reader, CurrencyCode buyer) {
        String id = listing.id().toString();
        String basePath = "/products/" + id;
        String baseUrl = links.absolute(basePath);
        String canonicalUrl = explicit && !fallback ? links.absolute(basePath + "?lang=" + text.locale()) : baseUrl;

        List<ProductPage.Alternate> alternates = new ArrayList<>();
        List<ProductPage.Language> languages = new ArrayList<>();
        for (ListingView.Text t : listing.texts()) {
            alternates.add(new ProductPage.Alternate(t.locale(), links.absolute(basePath + "?lang=" + t.locale())));
            Locale language = Locale.forLanguageTag(t.locale());
            languages.add(new ProductPage.Language(t.locale(), language.getDisplayName(language),
                    basePath + "?lang=" + t.locale(), t.locale().equals(text.locale())));
        }
        alternates.add(new ProductPage.Alternate("x-default", baseUrl));

        String supplierPath = "/suppliers/" + listing.supplier();
        String storefrontUrl = links.absolute(supplierPath);
        List<String> imageUrls = listing.images().stream().map(image -> links.absolute("/media/" + image)).toList();

        CurrencyCode currency = listing.currency();
        int digits = prices.minorDigits(currency);
        List<ProductPage.Tier> tiers = new ArrayList<>();
        List<JsonLd.Tier> offers = new ArrayList<>();
        @Nullable LocalDate rateDate = null;
        boolean noRate = false;
        for (var tier : listing.prices().tiers()) {
            Money price = new Money(tier.unitPriceMinor(), currency);
            @Nullable String indicative = null;
            if (!buyer.equals(currency) && !noRate) {
                try {
                    IndicativePrices.Indicative converted = prices.convert(price, buyer);
                    indicative = money.money(converted.converted());
                    rateDate = converted.rateDate();
                } catch (DomainException notQuoted) {
                    noRate = true;
                    rateDate = null;
                }
            }
            tiers.add(new ProductPage.Tier(formats.number(tier.minQuantity()), money.money(price),
                    noRate ? null : indicative));
            offers.add(new JsonLd.Tier(tier.minQuantity(), price.amount(digits)));
        }
        if (noRate) {
            tiers.replaceAll(t -> new ProductPage.Tier(t.fromQuantity(), t.price(), null));
        }

        @Nullable String hsDescription = hs.find(listing.hsCode()).map(HsEntry::description).orElse(null);
        ProductPage.@Nullable Port port = listing.portOfLoading() == null ? null
                : locations.find(UnLocode.of(listing.portOfLoading()))
                        .map(l -> new ProductPage.Port(l.unlocode().value(), l.name(), countryName(l.country(), reader)))
                        .orElse(new ProductPage.Port(listing.portOfLoading(), listing.portOfLoading(), ""));
        var packaging = listing.packaging();
        String description = text.description() == null ? text.title() : text.description();

        return new ProductPage(listing.id(), text,
                Locale.forLanguageTag(text.locale()).getDisplayName(reader), fallback, explicit, canonicalUrl, baseUrl,
                List.copyOf(alternates), List.copyOf(languages), listing.images(),
                imageUrls.isEmpty() ? null : imageUrls.getFirst(),
                description.length() > 200 ? description.substring(0, 199).strip() + "…" : description,
                hsDisplay(listing.hsCode()), hsDescription, listing.specifications(), listing.unit().code(),
                formats.number(listing.prices().minimumOrderQuantity()), currency.value(), buyer.value(),
                List.copyOf(tiers), rateDate, noRate, currencies.options(reader), listing.leadTimeDays(),
                listing.origin().value(), countryName(listing.origin(), reader), port,
                listing.certifications().stream().map(c -> new ProductPage.Certification(c.kind(), c.name())).toList(),
                packaging == null ? null : new ProductPage.Packaging(formats.number(packaging.unitsPerCarton()),
                        formats.number(packaging.lengthMm()), formats.number(packaging.widthMm()),
                        formats.number(packaging.heightMm()),
                        formats.decimal(BigDecimal.valueOf(packaging.grossWeightGrams(), 3), 1)),
                new ProductPage.Supplier(listing.supplier().toString(), listing.supplierName(),
                        countryName(listing.supplierCountry(), reader), supplierPath),
                JsonLd.product(listing, text, baseUrl, storefrontUrl, imageUrls, offers));
    }

    private String countryName(CountryCode code, Locale reader) {
        return countries.find(code).map((Country c) -> c.displayName(reader)).orElse(code.value());
    }

    /** An HS code as traders write it: "8516.71" for the subheading 851671. */
    static String hsDisplay(String code) {
        String digits = code.replace(".", "");
        return digits.length() > 4 ? digits.substring(0, 4) + "." + digits.substring(4) : digits;
    }

    /** A well-formed BCP 47 tag of reasonable length, else {@code null} (the reader's language is used). */
    static @Nullable Locale languageTag(@Nullable String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return null;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.strip().replace('_', '-')).build();
            return locale.getLanguage().isEmpty() ? null : locale;
        } catch (IllformedLocaleException e) {
            return null;
        }
    }
}
