package trade.caravan.catalog.product;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

import trade.caravan.catalog.CertificationKind;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.ProductStatus;
import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.platform.DomainException;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.shared.OrganizationId;

/**
 * A supplier's product: its details as the supplier maintains them, and where it stands (draft,
 * published, archived). Tenant-owned by the supplier organization. Publishing makes a public
 * listing of it; drafts are never public.
 */
@Entity
@Table(name = "products", schema = "catalog")
class Product {

    @Id
    private UUID id;
    @TenantId
    private UUID supplierId;
    /** The supplier's own reference, unique among its products when present (imports match on it). */
    private @Nullable String sku;
    @Enumerated(EnumType.STRING)
    private ProductStatus status;
    private String hsCode;
    private String defaultLocale;
    private String unitOfMeasure;
    private long minimumOrderQuantity;
    private String currency;
    private int leadTimeDays;
    private String originCountry;
    private @Nullable String portOfLoading;
    private @Nullable Integer unitsPerCarton;
    private @Nullable Integer cartonLengthMm;
    private @Nullable Integer cartonWidthMm;
    private @Nullable Integer cartonHeightMm;
    private @Nullable Integer cartonGrossWeightGrams;
    private Instant createdAt;
    private Instant updatedAt;
    private @Nullable Instant publishedAt;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "product_texts", schema = "catalog", joinColumns = @JoinColumn(name = "product_id"))
    @OrderBy("locale")
    @BatchSize(size = 50)
    private List<TextRow> texts = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "product_specifications", schema = "catalog", joinColumns = @JoinColumn(name = "product_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 50)
    private List<SpecificationRow> specifications = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "product_price_tiers", schema = "catalog", joinColumns = @JoinColumn(name = "product_id"))
    @OrderBy("minQuantity")
    @BatchSize(size = 50)
    private List<TierRow> tiers = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "product_certifications", schema = "catalog", joinColumns = @JoinColumn(name = "product_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 50)
    private List<CertificationRow> certifications = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "product_images", schema = "catalog", joinColumns = @JoinColumn(name = "product_id"))
    @OrderColumn(name = "position")
    @Column(name = "media_id")
    @BatchSize(size = 50)
    private List<UUID> images = new ArrayList<>();

    protected Product() {
    }

    private Product(ProductId id, Instant now) {
        this.id = id.value();
        this.status = ProductStatus.DRAFT;
        this.createdAt = now;
    }

    static Product draft(ProductId id, ProductDetails details, Instant now) {
        var product = new Product(id, now);
        product.apply(details, now);
        return product;
    }

    /** For system work only (demo data, imports as system): the supplier is stamped explicitly. */
    static Product draftFor(OrganizationId supplier, ProductId id, ProductDetails details, Instant now) {
        var product = draft(id, details, now);
        product.supplierId = supplier.value();
        return product;
    }

    void revise(ProductDetails details, Instant now) {
        if (status == ProductStatus.ARCHIVED) {
            throw new DomainException(DomainException.Kind.CONFLICT, "error.product.archived");
        }
        apply(details, now);
    }

    void publish(Instant now) {
        if (status == ProductStatus.PUBLISHED) {
            return;
        }
        status = ProductStatus.PUBLISHED;
        publishedAt = now;
        updatedAt = now;
    }

    void archive(Instant now) {
        status = ProductStatus.ARCHIVED;
        updatedAt = now;
    }

    /** Back to draft: for archived products a supplier wants to sell again, or to take one offline. */
    void withdraw(Instant now) {
        status = ProductStatus.DRAFT;
        updatedAt = now;
    }

    /** Gives the product the supplier's own reference, or takes it away ({@code null}). */
    void identify(@Nullable String sku, Instant now) {
        if (Objects.equals(this.sku, sku)) {
            return;
        }
        this.sku = sku;
        updatedAt = now;
    }

    private void apply(ProductDetails details, Instant now) {
        hsCode = details.hsCode();
        defaultLocale = details.defaultLocale();
        unitOfMeasure = details.unit().code();
        minimumOrderQuantity = details.minimumOrderQuantity();
        currency = details.currency().value();
        leadTimeDays = details.leadTimeDays();
        originCountry = details.origin().value();
        portOfLoading = details.portOfLoading();
        var packaging = details.packaging();
        unitsPerCarton = packaging == null ? null : packaging.unitsPerCarton();
        cartonLengthMm = packaging == null ? null : packaging.lengthMm();
        cartonWidthMm = packaging == null ? null : packaging.widthMm();
        cartonHeightMm = packaging == null ? null : packaging.heightMm();
        cartonGrossWeightGrams = packaging == null ? null : packaging.grossWeightGrams();
        texts.clear();
        details.texts().forEach(t -> texts.add(new TextRow(t.locale(), t.title(), t.description())));
        specifications.clear();
        details.specifications().forEach(s -> specifications.add(new SpecificationRow(s.name(), s.value())));
        tiers.clear();
        details.tiers().forEach(t -> tiers.add(new TierRow(t.minQuantity(), t.unitPriceMinor())));
        certifications.clear();
        details.certifications().forEach(c -> certifications.add(new CertificationRow(c.kind(), c.name(), c.certificate())));
        images.clear();
        images.addAll(details.images());
        updatedAt = now;
    }

    ProductId id() {
        return new ProductId(id);
    }

    OrganizationId supplier() {
        return new OrganizationId(supplierId);
    }

    ProductStatus status() {
        return status;
    }

    @Nullable String sku() {
        return sku;
    }

    long version() {
        return version;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    @Nullable Instant publishedAt() {
        return publishedAt;
    }

    ProductDetails details() {
        ProductDetails.Packaging packaging = unitsPerCarton == null ? null
                : new ProductDetails.Packaging(unitsPerCarton, cartonLengthMm, cartonWidthMm, cartonHeightMm,
                        cartonGrossWeightGrams);
        return new ProductDetails(hsCode, defaultLocale,
                texts.stream().map(t -> new ProductDetails.Text(t.locale, t.title, t.description)).toList(),
                specifications.stream().map(s -> new ProductDetails.Specification(s.name, s.value)).toList(),
                UnitOfMeasure.fromCode(unitOfMeasure).orElseThrow(), minimumOrderQuantity,
                new CurrencyCode(currency),
                tiers.stream().map(t -> new ProductDetails.PriceTier(t.minQuantity, t.unitPriceMinor)).toList(),
                leadTimeDays, new CountryCode(originCountry), portOfLoading,
                certifications.stream().map(c -> new ProductDetails.Certification(c.kind, c.name, c.certificateId))
                        .toList(),
                packaging, List.copyOf(images));
    }

    @Embeddable
    static class TextRow {
        String locale;
        String title;
        @Nullable String description;

        protected TextRow() {
        }

        TextRow(String locale, String title, @Nullable String description) {
            this.locale = locale;
            this.title = title;
            this.description = description;
        }
    }

    @Embeddable
    static class SpecificationRow {
        String name;
        String value;

        protected SpecificationRow() {
        }

        SpecificationRow(String name, String value) {
            this.name = name;
            this.value = value;
        }
    }

    @Embeddable
    static class TierRow {
        long minQuantity;
        long unitPriceMinor;

        protected TierRow() {
        }

        TierRow(long minQuantity, long unitPriceMinor) {
            this.minQuantity = minQuantity;
            this.unitPriceMinor = unitPriceMinor;
        }
    }

    @Embeddable
    static class CertificationRow {
        @Enumerated(EnumType.STRING)
        CertificationKind kind;
        @Nullable String name;
        @Nullable UUID certificateId;

        protected CertificationRow() {
        }

        CertificationRow(CertificationKind kind, @Nullable String name, @Nullable UUID certificateId) {
            this.kind = kind;
            this.name = name;
            this.certificateId = certificateId;
        }
    }
}
