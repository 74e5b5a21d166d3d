package trade.caravan.catalog.product;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import trade.caravan.accounts.Actor;
import trade.caravan.accounts.OrganizationDirectory;
import trade.caravan.accounts.OrganizationSummary;
import trade.caravan.accounts.Permission;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.ProductStatus;
import trade.caravan.catalog.listing.ListingView;
import trade.caravan.catalog.listing.ListingWriter;
import trade.caravan.catalog.pricing.PriceTiers;
import trade.caravan.platform.Cursor;
import trade.caravan.platform.CursorPage;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.InvalidInput;
import trade.caravan.reference.Countries;
import trade.caravan.reference.Currencies;
import trade.caravan.reference.HsCode;
import trade.caravan.reference.HsNomenclature;
import trade.caravan.reference.Locations;
import trade.caravan.reference.UnLocode;
import trade.caravan.shared.OrganizationId;

/**
 * The current supplier's products: create, revise, publish, withdraw, archive. Every change is
 * checked against the reference data (HS 2022, ISO 3166, ISO 4217, UN/LOCODE) and, for a published
 * product, reaches its public listing in the same transaction. Acting needs the TRADE permission.
 */
@Service
public class ProductManagement {

    private final Products products;
    private final ListingWriter listings;
    private final OrganizationDirectory organizations;
    private final ReferenceLookups lookups;
    private final Clock clock;

    ProductManagement(Products products, ListingWriter listings, OrganizationDirectory organizations,
            HsNomenclature hs, Countries countries, Currencies currencies, Locations locations, Clock clock) {
        this.products = products;
        this.listings = listings;
        this.organizations = organizations;
        this.lookups = ReferenceLookups.direct(hs, countries, currencies, locations);
        this.clock = clock;
    }

    @Transactional
    public ProductView create(Actor actor, ProductDetails details) {
        require(actor);
        ProductDetails checked = checked(details);
        Product product = products.save(Product.draft(new ProductId(UUID.randomUUID()), checked, clock.instant()));
        return ProductView.of(product);
    }

    /** Demo data and system imports: creates a draft for a named supplier (the caller runs as system). */
    @Transactional
    public ProductView createFor(OrganizationId supplier, ProductDetails details) {
        ProductDetails checked = checked(details);
        Product product = products.save(Product.draftFor(supplier, new ProductId(UUID.randomUUID()), checked,
                clock.instant()));
        return ProductView.of(product);
    }

    @Transactional
    public ProductView revise(Actor actor, ProductId id, ProductDetails details, long expectedVersion) {
        require(actor);
        Product product = load(id);
        if (product.version() != expectedVersion) {
            throw new DomainException(DomainException.Kind.CONFLICT, "error.concurrent-change");
        }
        product.revise(checked(details), clock.instant());
        products.flush();
        if (product.status() == ProductStatus.PUBLISHED) {
            listings.publish(publication(product));
        }
        return ProductView.of(product);
    }

    @Transactional
    public ProductView publish(Actor actor, ProductId id) {
        require(actor);
        return publish(load(id));
    }

    /** Publishes a product of the organization in scope (demo data, imports). */
    @Transactional
    public ProductView publish(ProductId id) {
        return publish(load(id));
    }

    private ProductView publish(Product product) {
        if (product.status() == ProductStatus.ARCHIVED) {
            throw new DomainException(DomainException.Kind.CONFLICT, "error.product.archived");
        }
        product.publish(clock.instant());
        products.flush();
        listings.publish(publication(product));
        return ProductView.of(product);
    }

    /** Takes a product offline (back to draft); its listing disappears at once. */
    @Transactional
    public ProductView withdraw(Actor actor, ProductId id) {
        require(actor);
        Product product = load(id);
        product.withdraw(clock.instant());
        listings.withdraw(product.id());
        return ProductView.of(product);
    }

    @Transactional
    public ProductView archive(Actor actor, ProductId id) {
        require(actor);
        Product product = load(id);
        product.archive(clock.instant());
        listings.withdraw(product.id());
        return ProductView.of(product);
    }

    @Transactional(readOnly = true)
    public ProductView find(ProductId id) {
        return ProductView.of(load(id));
    }

    @Transactional(readOnly = true)
    public CursorPage<ProductView> page(@Nullable ProductStatus status, @Nullable String cursor, int limit) {
        @Nullable Cursor after = Cursor.decode(cursor, 2);
        List<Product> rows = products.page(status == null ? EnumSet.allOf(ProductStatus.class) : EnumSet.of(status),
                after == null ? Products.START : after.instantAt(0), after == null ? Products.LAST_ID : after.uuidAt(1),
                Limit.of(limit + 1));
        return CursorPage.of(rows, limit, p -> Cursor.of(p.updatedAt().toString(), p.id().toString()))
                .map(ProductView::of);
    }

    @Transactional(readOnly = true)
    public long count(ProductStatus status) {
        return products.countByStatus(status);
    }

    /** The rules that need the reference data, every violation named by its field. */
    ProductDetails checked(ProductDetails details) {
        return checked(details, lookups);
    }

    /** The same rules, with the lookups given (a bulk import remembers them: {@link #rememberingLookups()}). */
    ProductDetails checked(ProductDetails details, ReferenceLookups lookups) {
        var problems = new InvalidInput.Collector();
        HsCode hsCode = problems.check("hsCode", () -> lookups.hs(details.hsCode()));
        if (details.origin() != null && !lookups.country(details.origin())) {
            problems.add("origin", "error.product.origin-unknown");
        }
        if (details.currency() != null && !lookups.currentCurrency(details.currency())) {
            problems.add("currency", "error.product.currency-unknown", details.currency().value());
        }
        if (details.portOfLoading() != null) {
            if (!UnLocode.isWellFormed(details.portOfLoading())
                    || !lookups.transportLocation(UnLocode.of(details.portOfLoading()))) {
                problems.add("portOfLoading", "error.product.port-unknown");
            }
        }
        if (details.currency() != null) {
            problems.check("tiers", () -> PriceTiers.of(details.currency(),
                    details.tiers().stream().map(t -> new PriceTiers.Tier(t.minQuantity(), t.unitPriceMinor())).toList(),
                    details.minimumOrderQuantity()));
        }
        problems.throwIfAny();
        return new ProductDetails(hsCode.value(), details.defaultLocale(), details.texts(),
                details.specifications(), details.unit(), details.minimumOrderQuantity(), details.currency(),
                details.tiers(), details.leadTimeDays(), details.origin(),
                details.portOfLoading() == null ? null : UnLocode.of(details.portOfLoading()).value(),
                details.certifications(), details.packaging(), details.images());
    }

    /** Lookups that remember their answers, for checking many products at once. */
    ReferenceLookups rememberingLookups() {
        return lookups.remembering();
    }

    /**
     * Writes or removes the listing of a product whose changes are already flushed (its version
     * counted): bulk imports flush many products first, and name their supplier once.
     */
    void relist(Product product, OrganizationSummary supplier) {
        if (product.status() == ProductStatus.PUBLISHED) {
            listings.publish(publication(product, supplier));
        } else {
            listings.withdraw(product.id());
        }
    }

    private ListingWriter.Publication publication(Product product) {
        return publication(product, organizations.find(product.supplier()).orElseThrow());
    }

    private ListingWriter.Publication publication(Product product, OrganizationSummary supplier) {
        ProductDetails details = product.details();
        var packaging = details.packaging();
        return new ListingWriter.Publication(product.id(), supplier, details.hsCode(), details.defaultLocale(),
                details.texts().stream().map(t -> new ListingView.Text(t.locale(), t.title(), t.description())).toList(),
                details.specifications().stream().map(s -> new ListingView.Specification(s.name(), s.value())).toList(),
                details.unit(),
                PriceTiers.of(details.currency(), details.tiers().stream()
                        .map(t -> new PriceTiers.Tier(t.minQuantity(), t.unitPriceMinor())).toList(),
                        details.minimumOrderQuantity()),
                details.leadTimeDays(), details.origin().value(), details.portOfLoading(),
                details.certifications().stream().map(c -> new ListingView.Certification(c.kind(), c.name())).toList(),
                packaging == null ? null : new ListingView.Packaging(packaging.unitsPerCarton(), packaging.lengthMm(),
                        packaging.widthMm(), packaging.heightMm(), packaging.grossWeightGrams()),
                details.images(), product.version());
    }

    private Product load(ProductId id) {
        return products.findById(id.value()).orElseThrow(DomainException::notFound);
    }

    private static void require(Actor actor) {
        if (!actor.can(Permission.TRADE)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "error.forbidden");
        }
    }
}
