package trade.caravan.catalog.listing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

import org.hibernate.annotations.BatchSize;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.DocumentId;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexedEmbedded;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import org.jspecify.annotations.Nullable;

import trade.caravan.catalog.CertificationKind;

/**
 * The public copy of a published product, with the facts about its supplier that a buyer sees.
 * Not tenant-owned: it is what the world may read. Written only by {@link ListingWriter}, in the
 * transaction that publishes, revises or withdraws the product; search (in this package) and the
 * public pages (through {@link PublicCatalog}) read it.
 *
 * <p>Indexed for search ({@link ListingSearch}): every field a result shows is projectable, so
 * result lists come from the index without loading listings from the database. Titles and
 * descriptions are indexed per language by {@link ListingTextsBinder}.
 */
@Entity
@Table(name = "listings", schema = "catalog")
@Indexed(index = "listing")
@TypeBinding(binder = @TypeBinderRef(type = ListingTextsBinder.class))
class Listing {

    @Id
    @DocumentId
    @KeywordField(name = ListingFields.KEY, sortable = Sortable.YES, projectable = Projectable.YES)
    UUID id;
    @KeywordField(projectable = Projectable.YES)
    UUID supplierId;
    @FullTextField(analyzer = ListingFields.STANDARD, projectable = Projectable.YES)
    String supplierName;
    @KeywordField(projectable = Projectable.YES)
    String supplierCountry;
    @KeywordField(projectable = Projectable.YES)
    String hsCode;
    @KeywordField(aggregable = Aggregable.YES)
    String hsChapter;
    @KeywordField(aggregable = Aggregable.YES)
    String hsSection;
    @KeywordField(projectable = Projectable.YES, searchable = Searchable.NO)
    String defaultLocale;
    @KeywordField(projectable = Projectable.YES, searchable = Searchable.NO)
    String unitOfMeasure;
    @GenericField(projectable = Projectable.YES, sortable = Sortable.YES, aggregable = Aggregable.YES)
    long minimumOrderQuantity;
    @KeywordField(projectable = Projectable.YES)
    String currency;
    @GenericField(projectable = Projectable.YES, searchable = Searchable.NO)
    long lowestPriceMinor;
    /** The lowest price in euro cents at the rate of the day it was listed, for price facets; null without a rate. */
    @GenericField(projectable = Projectable.YES, sortable = Sortable.YES, aggregable = Aggregable.YES)
    @Nullable Long lowestPriceEurCents;
    int leadTimeDays;
    @KeywordField(projectable = Projectable.YES, aggregable = Aggregable.YES)
    String originCountry;
    @Nullable String portOfLoading;
    @Nullable Integer unitsPerCarton;
    @Nullable Integer cartonLengthMm;
    @Nullable Integer cartonWidthMm;
    @Nullable Integer cartonHeightMm;
    @Nullable Integer cartonGrossWeightGrams;
    @GenericField(projectable = Projectable.YES, sortable = Sortable.YES)
    Instant publishedAt;
    Instant updatedAt;
    long productVersion;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "listing_texts", schema = "catalog", joinColumns = @JoinColumn(name = "listing_id"))
    @OrderBy("locale")
    @BatchSize(size = 100)
    List<Text> texts = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "listing_specifications", schema = "catalog", joinColumns = @JoinColumn(name = "listing_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    @IndexedEmbedded
    List<Specification> specifications = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "listing_price_tiers", schema = "catalog", joinColumns = @JoinColumn(name = "listing_id"))
    @OrderBy("minQuantity")
    @BatchSize(size = 100)
    List<Tier> tiers = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "listing_certifications", schema = "catalog", joinColumns = @JoinColumn(name = "listing_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    @IndexedEmbedded(includePaths = "kind")
    List<Certification> certifications = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "listing_images", schema = "catalog", joinColumns = @JoinColumn(name = "listing_id"))
    @OrderColumn(name = "position")
    @Column(name = "media_id")
    @BatchSize(size = 100)
    @KeywordField(projectable = Projectable.YES, searchable = Searchable.NO)
    List<UUID> images = new ArrayList<>();

    protected Listing() {
    }

    Listing(UUID id) {
        this.id = id;
    }

    UUID id() {
        return id;
    }

    /** A title and description in one language. */
    @Embeddable
    static class Text {
        String locale;
        String title;
        @Nullable String description;

        protected Text() {
        }

        Text(String locale, String title, @Nullable String description) {
            this.locale = locale;
            this.title = title;
            this.description = description;
        }

        String locale() {
            return locale;
        }

        String title() {
            return title;
        }

        @Nullable String description() {
            return description;
        }
    }

    @Embeddable
    static class Specification {
        @FullTextField(analyzer = ListingFields.STANDARD)
        String name;
        @FullTextField(analyzer = ListingFields.STANDARD)
        String value;

        protected Specification() {
        }

        Specification(String name, String value) {
            this.name = name;
            this.value = value;
        }

        String name() {
            return name;
        }

        String value() {
            return value;
        }
    }

    @Embeddable
    static class Tier {
        long minQuantity;
        long unitPriceMinor;

        protected Tier() {
        }

        Tier(long minQuantity, long unitPriceMinor) {
            this.minQuantity = minQuantity;
            this.unitPriceMinor = unitPriceMinor;
        }
    }

    @Embeddable
    static class Certification {
        @Enumerated(EnumType.STRING)
        @KeywordField(projectable = Projectable.YES, aggregable = Aggregable.YES)
        CertificationKind kind;
        @Nullable String name;
        /** The supplier's certificate file (a PDF in catalog.media), public with the listing. */
        @Nullable UUID certificateId;

        protected Certification() {
        }

        Certification(CertificationKind kind, @Nullable String name) {
            this(kind, name, null);
        }

        Certification(CertificationKind kind, @Nullable String name, @Nullable UUID certificateId) {
            this.kind = kind;
            this.name = name;
            this.certificateId = certificateId;
        }

        CertificationKind kind() {
            return kind;
        }

        @Nullable String name() {
            return name;
        }
    }
}
