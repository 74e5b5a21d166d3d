package trade.caravan.catalog.product;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import trade.caravan.catalog.CertificationKind;
import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.catalog.pricing.PriceTiers;
import trade.caravan.platform.InvalidInput;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;

/**
 * Everything a supplier says about a product, as entered (form, API or import row). The rules
 * that need no lookup (including the price tiers) are checked here, all at once, each violation
 * naming its field; the HS code, country, port and currency are checked against the reference
 * data by {@link ProductManagement}.
 */
public record ProductDetails(
        String hsCode,
        String defaultLocale,
        List<Text> texts,
        List<Specification> specifications,
        @Nullable UnitOfMeasure unit,
        long minimumOrderQuantity,
        @Nullable CurrencyCode currency,
        List<PriceTier> tiers,
        int leadTimeDays,
        @Nullable CountryCode origin,
        @Nullable String portOfLoading,
        List<Certification> certifications,
        @Nullable Packaging packaging,
        List<UUID> images) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 10_000;
    public static final int MAX_SPECIFICATIONS = 30;
    public static final int MAX_IMAGES = 10;

    /** Title and description in one language (a BCP 47 tag such as {@code en}, {@code zh-CN}, {@code pt-BR}). */
    public record Text(String locale, String title, @Nullable String description) {
    }

    public record Specification(String name, String value) {
    }

    /** From {@code minQuantity} units, each costs {@code unitPriceMinor} minor units of the product's currency. */
    public record PriceTier(long minQuantity, long unitPriceMinor) {
    }

    public record Certification(CertificationKind kind, @Nullable String name, @Nullable UUID certificate) {
    }

    /** How the product is packed for export: units per carton, carton size in mm, gross weight in grams. */
    public record Packaging(int unitsPerCarton, int lengthMm, int widthMm, int heightMm, int grossWeightGrams) {
    }

    public ProductDetails {
        texts = List.copyOf(texts);
        specifications = List.copyOf(specifications);
        tiers = List.copyOf(tiers);
        certifications = List.copyOf(certifications);
        images = List.copyOf(images);
        hsCode = hsCode == null ? "" : hsCode.strip();
        defaultLocale = defaultLocale == null ? "" : defaultLocale.strip();
        portOfLoading = portOfLoading == null || portOfLoading.isBlank() ? null : portOfLoading.strip();

        var problems = new InvalidInput.Collector();
        if (hsCode.isEmpty()) {
            problems.add("hsCode", "error.product.hs-missing");
        }
        List<Text> normalized = new ArrayList<>();
        Set<String> locales = new HashSet<>();
        for (int i = 0; i < texts.size(); i++) {
            Text text = texts.get(i);
            String tag = languageTag(text.locale());
            if (tag == null) {
                problems.add("texts[" + i + "].locale", "error.product.locale-invalid");
                continue;
            }
            String title = text.title() == null ? "" : text.title().strip();
            String description = text.description() == null || text.description().isBlank() ? null
                    : text.description().strip();
            if (title.isEmpty() && description == null) {
                continue;
            }
            if (title.isEmpty() || title.length() > MAX_TITLE || hasControl(title)) {
                problems.add("texts[" + i + "].title", "error.product.title-invalid", MAX_TITLE);
            }
            if (description != null && description.length() > MAX_DESCRIPTION) {
                problems.add("texts[" + i + "].description", "error.product.description-too-long", MAX_DESCRIPTION);
            }
            if (!locales.add(tag)) {
                problems.add("texts[" + i + "].locale", "error.product.locale-repeated", tag);
            }
            normalized.add(new Text(tag, title, description));
        }
        texts = List.copyOf(normalized);
        String defaultTag = languageTag(defaultLocale);
        if (texts.isEmpty()) {
            problems.add("texts", "error.product.title-missing");
        } else if (defaultTag == null || !locales.contains(defaultTag)) {
            problems.add("defaultLocale", "error.product.default-locale-missing");
        } else {
            defaultLocale = defaultTag;
        }
        List<Specification> specs = new ArrayList<>();
        for (int i = 0; i < specifications.size(); i++) {
            Specification spec = specifications.get(i);
            String name = spec.name() == null ? "" : spec.name().strip();
            String value = spec.value() == null ? "" : spec.value().strip();
            if (name.isEmpty() && value.isEmpty()) {
                continue;
            }
            if (name.isEmpty() || value.isEmpty() || name.length() > 100 || value.length() > 500
                    || hasControl(name) || hasControl(value)) {
                problems.add("specifications[" + i + "]", "error.product.specification-invalid");
            }
            specs.add(new Specification(name, value));
        }
        if (specs.size() > MAX_SPECIFICATIONS) {
            problems.add("specifications", "error.product.specifications-too-many", MAX_SPECIFICATIONS);
        }
        specifications = List.copyOf(specs);
        if (unit == null) {
            problems.add("unit", "error.product.unit-missing");
        }
        if (minimumOrderQuantity < 1 || minimumOrderQuantity > 1_000_000_000L) {
            problems.add("minimumOrderQuantity", "error.product.moq-range");
        }
        if (currency == null) {
            problems.add("currency", "error.product.currency-missing");
        }
        if (currency != null && minimumOrderQuantity >= 1) {
            CurrencyCode tierCurrency = currency;
            long moq = minimumOrderQuantity;
            List<PriceTier> given = tiers;
            problems.check("tiers", () -> PriceTiers.of(tierCurrency,
                    given.stream().map(t -> new PriceTiers.Tier(t.minQuantity(), t.unitPriceMinor())).toList(), moq));
        }
        if (leadTimeDays < 0 || leadTimeDays > 730) {
            problems.add("leadTimeDays", "error.product.lead-time-range");
        }
        if (origin == null) {
            problems.add("origin", "error.product.origin-missing");
        }
        for (int i = 0; i < certifications.size(); i++) {
            Certification certification = certifications.get(i);
            if (certification.kind() == CertificationKind.OTHER
                    && (certification.name() == null || certification.name().isBlank()
                            || certification.name().length() > 100)) {
                problems.add("certifications[" + i + "].name", "error.product.certification-name");
            }
        }
        if (packaging != null && (packaging.unitsPerCarton() < 1 || packaging.lengthMm() < 1
                || packaging.widthMm() < 1 || packaging.heightMm() < 1 || packaging.grossWeightGrams() < 1
                || packaging.lengthMm() > 10_000 || packaging.widthMm() > 10_000 || packaging.heightMm() > 10_000)) {
            problems.add("packaging", "error.product.packaging-invalid");
        }
        if (images.size() > MAX_IMAGES) {
            problems.add("images", "error.product.images-too-many", MAX_IMAGES);
        }
        problems.throwIfAny();
    }

    /** The text in {@code locale}, else in the default language. */
    public Text text(Locale locale) {
        return texts.stream().filter(t -> Locale.forLanguageTag(t.locale()).getLanguage().equals(locale.getLanguage()))
                .findFirst()
                .orElseGet(() -> texts.stream().filter(t -> t.locale().equals(defaultLocale)).findFirst()
                        .orElse(texts.getFirst()));
    }

    private static @Nullable String languageTag(@Nullable String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return null;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.strip().replace('_', '-')).build();
            return locale.getLanguage().isEmpty() ? null : locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            return null;
        }
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }
}
