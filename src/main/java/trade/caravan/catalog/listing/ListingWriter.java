package trade.caravan.catalog.listing;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import trade.caravan.accounts.OrganizationSummary;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.catalog.pricing.IndicativePrices;
import trade.caravan.catalog.pricing.PriceTiers;
import trade.caravan.platform.DomainException;
import trade.caravan.reference.HsCode;
import trade.caravan.reference.HsEntry;
import trade.caravan.reference.HsNomenclature;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.shared.Money;
import trade.caravan.shared.OrganizationId;

/**
 * Keeps listings in step with products: called in the transaction that publishes, revises or
 * withdraws a product, so a listing never shows what the supplier has not committed.
 */
@Component
public class ListingWriter {

    private static final CurrencyCode EURO = new CurrencyCode("EUR");

    /** What a listing is made of: the product as published, and its supplier. */
    public record Publication(ProductId id, OrganizationSummary supplier, String hsCode, String defaultLocale,
            List<ListingView.Text> texts, List<ListingView.Specification> specifications, UnitOfMeasure unit,
            PriceTiers prices, int leadTimeDays, String originCountry, @Nullable String portOfLoading,
            List<ListingView.Certification> certifications, ListingView.@Nullable Packaging packaging, List<UUID> images,
            long version) {
    }

    private final Listings listings;
    private final HsNomenclature hs;
    private final IndicativePrices prices;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ListingWriter(Listings listings, HsNomenclature hs, IndicativePrices prices, Clock clock,
            ApplicationEventPublisher events) {
        this.listings = listings;
        this.hs = hs;
        this.prices = prices;
        this.clock = clock;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(Publication publication) {
        Listing listing = listings.findById(publication.id().value())
                .orElseGet(() -> new Listing(publication.id().value()));
        boolean first = listing.publishedAt == null;
        HsEntry entry = hs.find(HsCode.of(publication.hsCode()))
                .orElseThrow(() -> new DomainException(DomainException.Kind.INVALID, "error.reference.hs-unknown",
                        publication.hsCode()));
        listing.supplierId = publication.supplier().id().value();
        listing.supplierName = publication.supplier().legalName();
        listing.supplierCountry = publication.supplier().country().value();
        listing.hsCode = publication.hsCode();
        listing.hsChapter = publication.hsCode().replace(".", "").substring(0, 2);
        listing.hsSection = entry.section();
        listing.defaultLocale = publication.defaultLocale();
        listing.unitOfMeasure = publication.unit().code();
        listing.minimumOrderQuantity = publication.prices().minimumOrderQuantity();
        listing.currency = publication.prices().currency().value();
        Money lowest = publication.prices().lowestUnitPrice();
        listing.lowestPriceMinor = lowest.minor();
        listing.lowestPriceEurCents = euroCents(lowest);
        listing.leadTimeDays = publication.leadTimeDays();
        listing.originCountry = publication.originCountry();
        listing.portOfLoading = publication.portOfLoading();
        var packaging = publication.packaging();
        listing.unitsPerCarton = packaging == null ? null : packaging.unitsPerCarton();
        listing.cartonLengthMm = packaging == null ? null : packaging.lengthMm();
        listing.cartonWidthMm = packaging == null ? null : packaging.widthMm();
        listing.cartonHeightMm = packaging == null ? null : packaging.heightMm();
        listing.cartonGrossWeightGrams = packaging == null ? null : packaging.grossWeightGrams();
        listing.texts.clear();
        publication.texts().forEach(t -> listing.texts.add(new Listing.Text(t.locale(), t.title(), t.description())));
        listing.specifications.clear();
        publication.specifications().forEach(s -> listing.specifications.add(new Listing.Specification(s.name(), s.value())));
        listing.tiers.clear();
        publication.prices().tiers().forEach(t -> listing.tiers.add(new Listing.Tier(t.minQuantity(), t.unitPriceMinor())));
        listing.certifications.clear();
        publication.certifications().forEach(c -> listing.certifications.add(
                new Listing.Certification(c.kind(), c.name(), c.certificate())));
        listing.images.clear();
        listing.images.addAll(publication.images());
        var now = clock.instant();
        if (first) {
            listing.publishedAt = now;
        }
        listing.updatedAt = now;
        listing.productVersion = publication.version();
        listings.save(listing);
        events.publishEvent(new ListingChanged(publication.id(), publication.supplier().id()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void withdraw(ProductId id) {
        listings.findById(id.value()).ifPresent(listing -> {
            listings.delete(listing);
            events.publishEvent(new ListingChanged(id, new OrganizationId(listing.supplierId)));
        });
    }

    private @Nullable Long euroCents(Money price) {
        try {
            return prices.convert(price, EURO).converted().minor();
        } catch (DomainException noRate) {
            // a currency the ECB does not quote: the listing has no price facet, everything else works
            return null;
        }
    }
}
