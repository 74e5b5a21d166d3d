package trade.caravan.catalog.product;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import trade.caravan.catalog.CertificationKind;
import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.platform.InvalidInput;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;

/**
 * The product form. Its property names are the field names {@link ProductDetails} reports
 * violations under, so each message lands next to its field. Blank rows are dropped and the
 * rest closed up before checking, so row numbers in messages are the rows the form shows.
 */
public class ProductForm {

    static final int TEXT_ROWS = 3;
    static final int SPECIFICATION_ROWS = 8;
    static final int TIER_ROWS = 5;

    private String hsCode = "";
    private String defaultLocale = "en";
    private List<TextRow> texts = new ArrayList<>();
    private List<SpecificationRow> specifications = new ArrayList<>();
    private String unit = UnitOfMeasure.C62.code();
    private String minimumOrderQuantity = "";
    private String currency = "USD";
    private List<TierRow> tiers = new ArrayList<>();
    private String leadTimeDays = "";
    private String origin = "";
    private String portOfLoading = "";
    private Set<CertificationKind> certifications = EnumSet.noneOf(CertificationKind.class);
    private String otherCertification = "";
    /** Certificate files uploaded on the product's page, carried through the form as hidden fields. */
    private Map<CertificationKind, UUID> certificateFiles = new EnumMap<>(CertificationKind.class);
    private String unitsPerCarton = "";
    private String cartonLengthMm = "";
    private String cartonWidthMm = "";
    private String cartonHeightMm = "";
    private String cartonGrossWeightGrams = "";
    private List<UUID> images = new ArrayList<>();
    private long version;

    /** An empty form with English and Chinese ready to fill in. */
    public static ProductForm blank() {
        var form = new ProductForm();
        form.texts.add(new TextRow("en", "", ""));
        form.texts.add(new TextRow("zh-CN", "", ""));
        form.pad();
        return form;
    }

    static ProductForm of(ProductView product, int minorDigits) {
        var form = new ProductForm();
        ProductDetails details = product.details();
        form.hsCode = details.hsCode();
        form.defaultLocale = details.defaultLocale();
        details.texts().forEach(t -> form.texts.add(new TextRow(t.locale(), t.title(), t.description())));
        details.specifications().forEach(s -> form.specifications.add(new SpecificationRow(s.name(), s.value())));
        form.unit = details.unit().code();
        form.minimumOrderQuantity = Long.toString(details.minimumOrderQuantity());
        form.currency = details.currency().value();
        details.tiers().forEach(t -> form.tiers.add(new TierRow(Long.toString(t.minQuantity()),
                BigDecimal.valueOf(t.unitPriceMinor(), minorDigits).toPlainString())));
        form.leadTimeDays = Integer.toString(details.leadTimeDays());
        form.origin = details.origin().value();
        form.portOfLoading = details.portOfLoading() == null ? "" : details.portOfLoading();
        details.certifications().forEach(c -> {
            form.certifications.add(c.kind());
            if (c.certificate() != null) {
                form.certificateFiles.put(c.kind(), c.certificate());
            }
            if (c.kind() == CertificationKind.OTHER && c.name() != null) {
                form.otherCertification = c.name();
            }
        });
        var packaging = details.packaging();
        if (packaging != null) {
            form.unitsPerCarton = Integer.toString(packaging.unitsPerCarton());
            form.cartonLengthMm = Integer.toString(packaging.lengthMm());
            form.cartonWidthMm = Integer.toString(packaging.widthMm());
            form.cartonHeightMm = Integer.toString(packaging.heightMm());
            form.cartonGrossWeightGrams = Integer.toString(packaging.grossWeightGrams());
        }
        form.images = new ArrayList<>(details.images());
        form.version = product.version();
        form.pad();
        return form;
    }

    /** Drops blank rows and closes up, so the rows checked are the rows shown. */
    void compact() {
        texts.removeIf(t -> blank(t.title) && blank(t.description));
        specifications.removeIf(s -> blank(s.name) && blank(s.value));
        tiers.removeIf(t -> blank(t.minQuantity) && blank(t.unitPrice));
    }

    /** Adds empty rows to fill in, after the filled ones. */
    void pad() {
        while (texts.size() < TEXT_ROWS) {
            texts.add(new TextRow("", "", ""));
        }
        while (specifications.size() < SPECIFICATION_ROWS) {
            specifications.add(new SpecificationRow("", ""));
        }
        while (tiers.size() < TIER_ROWS) {
            tiers.add(new TierRow("", ""));
        }
    }

    /**
     * The details the form describes. Numbers that do not parse are reported under their field;
     * {@code minorDigits} says how many decimals the chosen currency has.
     */
    ProductDetails toDetails(int minorDigits) {
        var problems = new InvalidInput.Collector();
        long moq = number(problems, "minimumOrderQuantity", minimumOrderQuantity, 1);
        int lead = (int) number(problems, "leadTimeDays", leadTimeDays, 0);
        List<ProductDetails.PriceTier> priceTiers = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            TierRow row = tiers.get(i);
            long quantity = number(problems, "tiers[" + i + "].minQuantity", row.minQuantity, 1);
            long price = price(problems, "tiers[" + i + "].unitPrice", row.unitPrice, minorDigits);
            priceTiers.add(new ProductDetails.PriceTier(quantity, price));
        }
        ProductDetails.Packaging packaging = null;
        if (!(blank(unitsPerCarton) && blank(cartonLengthMm) && blank(cartonWidthMm) && blank(cartonHeightMm)
                && blank(cartonGrossWeightGrams))) {
            packaging = new ProductDetails.Packaging((int) number(problems, "unitsPerCarton", unitsPerCarton, 1),
                    (int) number(problems, "cartonLengthMm", cartonLengthMm, 1),
                    (int) number(problems, "cartonWidthMm", cartonWidthMm, 1),
                    (int) number(problems, "cartonHeightMm", cartonHeightMm, 1),
                    (int) number(problems, "cartonGrossWeightGrams", cartonGrossWeightGrams, 1));
        }
        UnitOfMeasure unitOfMeasure = UnitOfMeasure.fromCode(unit).orElse(null);
        CurrencyCode currencyCode = code(problems, "currency", () -> CurrencyCode.of(currency));
        CountryCode originCode = blank(origin) ? null : code(problems, "origin", () -> CountryCode.of(origin));
        List<ProductDetails.Certification> certs = new ArrayList<>();
        for (CertificationKind kind : certifications) {
            certs.add(new ProductDetails.Certification(kind,
                    kind == CertificationKind.OTHER ? otherCertification.strip() : null, certificateFiles.get(kind)));
        }
        List<ProductDetails.Text> textList = texts.stream()
                .map(t -> new ProductDetails.Text(t.locale, t.title, t.description)).toList();
        List<ProductDetails.Specification> specs = specifications.stream()
                .map(s -> new ProductDetails.Specification(s.name, s.value)).toList();
        ProductDetails details;
        try {
            details = new ProductDetails(hsCode, defaultLocale, textList, specs, unitOfMeasure, moq, currencyCode,
                    priceTiers, lead, originCode, portOfLoading, certs, packaging, images);
        } catch (InvalidInput invalid) {
            invalid.violations().forEach(v -> problems.add(v.field(), v.messageCode(), v.arguments()));
            problems.throwIfAny();
            throw invalid;
        }
        problems.throwIfAny();
        return details;
    }

    private static long number(InvalidInput.Collector problems, String field, String text, long minimum) {
        if (blank(text)) {
            problems.add(field, "error.product.number-missing");
            return minimum;
        }
        try {
            long value = Long.parseLong(text.strip().replace(",", "").replace("_", ""));
            if (value < minimum) {
                problems.add(field, "error.product.number-minimum", minimum);
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(field, "error.product.number-invalid");
            return minimum;
        }
    }

    private static long price(InvalidInput.Collector problems, String field, String text, int minorDigits) {
        if (blank(text)) {
            problems.add(field, "error.product.number-missing");
            return 1;
        }
        try {
            BigDecimal amount = new BigDecimal(text.strip().replace(",", ""));
            if (amount.scale() > minorDigits) {
                problems.add(field, "error.product.price-decimals", minorDigits);
                return 1;
            }
            return amount.movePointRight(minorDigits).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(field, "error.product.number-invalid");
            return 1;
        }
    }

    private static <T> @Nullable T code(InvalidInput.Collector problems, String field,
            java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            problems.add(field, "error.product." + field + "-unknown");
            return null;
        }
    }

    static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    /** One language's title and description. */
    public static class TextRow {
        private String locale = "";
        private String title = "";
        private String description = "";

        public TextRow() {
        }

        TextRow(String locale, String title, @Nullable String description) {
            this.locale = locale;
            this.title = title;
            this.description = description == null ? "" : description;
        }

        public String getLocale() {
            return locale;
        }

        public void setLocale(String locale) {
            this.locale = locale;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }
    }

    public static class SpecificationRow {
        private String name = "";
        private String value = "";

        public SpecificationRow() {
        }

        SpecificationRow(String name, String value) {
            this.name = name;
            this.value = value;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }
    }

    public static class TierRow {
        private String minQuantity = "";
        private String unitPrice = "";

        public TierRow() {
        }

        TierRow(String minQuantity, String unitPrice) {
            this.minQuantity = minQuantity;
            this.unitPrice = unitPrice;
        }

        public String getMinQuantity() {
            return minQuantity;
        }

        public void setMinQuantity(String minQuantity) {
            this.minQuantity = minQuantity;
        }

        public String getUnitPrice() {
            return unitPrice;
        }

        public void setUnitPrice(String unitPrice) {
            this.unitPrice = unitPrice;
        }
    }

    public String getHsCode() { return hsCode; }
    public void setHsCode(String hsCode) { this.hsCode = hsCode; }
    public String getDefaultLocale() { return defaultLocale; }
    public void setDefaultLocale(String defaultLocale) { this.defaultLocale = defaultLocale; }
    public List<TextRow> getTexts() { return texts; }
    public void setTexts(List<TextRow> texts) { this.texts = texts; }
    public List<SpecificationRow> getSpecifications() { return specifications; }
    public void setSpecifications(List<SpecificationRow> specifications) { this.specifications = specifications; }
    public String getUnit() { return unit; }
    public void setUnit(String unit) { this.unit = unit; }
    public String getMinimumOrderQuantity() { return minimumOrderQuantity; }
    public void setMinimumOrderQuantity(String minimumOrderQuantity) { this.minimumOrderQuantity = minimumOrderQuantity; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public List<TierRow> getTiers() { return tiers; }
    public void setTiers(List<TierRow> tiers) { this.tiers = tiers; }
    public String getLeadTimeDays() { return leadTimeDays; }
    public void setLeadTimeDays(String leadTimeDays) { this.leadTimeDays = leadTimeDays; }
    public String getOrigin() { return origin; }
    public void setOrigin(String origin) { this.origin = origin; }
    public String getPortOfLoading() { return portOfLoading; }
    public void setPortOfLoading(String portOfLoading) { this.portOfLoading = portOfLoading; }
    public Set<CertificationKind> getCertifications() { return certifications; }
    public void setCertifications(Set<CertificationKind> certifications) { this.certifications = certifications; }
    public String getOtherCertification() { return otherCertification; }
    public void setOtherCertification(String otherCertification) { this.otherCertification = otherCertification; }
    public String getUnitsPerCarton() { return unitsPerCarton; }
    public void setUnitsPerCarton(String unitsPerCarton) { this.unitsPerCarton = unitsPerCarton; }
    public String getCartonLengthMm() { return cartonLengthMm; }
    public void setCartonLengthMm(String cartonLengthMm) { this.cartonLengthMm = cartonLengthMm; }
    public String getCartonWidthMm() { return cartonWidthMm; }
    public void setCartonWidthMm(String cartonWidthMm) { this.cartonWidthMm = cartonWidthMm; }
    public String getCartonHeightMm() { return cartonHeightMm; }
    public void setCartonHeightMm(String cartonHeightMm) { this.cartonHeightMm = cartonHeightMm; }
    public String getCartonGrossWeightGrams() { return cartonGrossWeightGrams; }
    public void setCartonGrossWeightGrams(String cartonGrossWeightGrams) { this.cartonGrossWeightGrams = cartonGrossWeightGrams; }
    public Map<CertificationKind, UUID> getCertificateFiles() { return certificateFiles; }
    public void setCertificateFiles(Map<CertificationKind, UUID> certificateFiles) { this.certificateFiles = certificateFiles; }
    public List<UUID> getImages() { return images; }
    public void setImages(List<UUID> images) { this.images = images; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
}
