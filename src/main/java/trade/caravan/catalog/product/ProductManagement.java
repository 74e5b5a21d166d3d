package trade.caravan.catalog.product;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import trade.caravan.accounts.Actor;
import trade.caravan.accounts.OrganizationDirectory;
import trade.caravan.accounts.OrganizationSummary;
import trade.caravan.accounts.Permission;
import trade.caravan.catalog.CertificationKind;
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
    private final SupplierMedia media;
    private final Clock clock;

    ProductManagement(Products products, ListingWriter listings, OrganizationDirectory organizations,
            HsNomenclature hs, Countries countries, Currencies currencies, Locations locations, SupplierMedia media,
            Clock clock) {
        this.products = products;
        this.listings = listings;
        this.organizations = organizations;
        this.lookups = ReferenceLookups.direct(hs, countries, currencies, locations);
        this.media = media;
        this.clock = clock;
    }

    @Transactional
    public ProductView create(Actor actor, ProductDetails details) {
        require(actor);
        ProductDetails checked = checked(actor.organizationId(), details);
        Product product = products.saveAndFlush(Product.draft(new ProductId(UUID.randomUUID()), checked, clock.instant()));
        return ProductView.of(product);
    }

    /** Demo data and system imports: creates a draft for a named supplier (the caller runs as system). */
    @Transactional
    public ProductView createFor(OrganizationId supplier, ProductDetails details) {
        ProductDetails checked = checked(supplier, details);
        Product product = products.saveAndFlush(Product.draftFor(supplier, new ProductId(UUID.randomUUID()), checked,
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
        product.revise(checked(product.supplier(), details), clock.instant());
        products.flush();
        if (product.status() == ProductStatus.PUBLISHED) {
            listings.publish(publication(product));
        }
        return ProductView.of(product);
    }

    /**
     * Adds one of the supplier's uploaded images after the product's others. Like every change,
     * it moves the product to a new version, so a revision based on the old one is refused
     * rather than silently dropping the image.
     */
    @Transactional
    public ProductView attachImage(Actor actor, ProductId id, UUID image) {
        return change(actor, id, details -> {
            List<UUID> images = new ArrayList<>(details.images());
            images.add(image);
            return with(details, details.certifications(), images);
        });
    }

    @Transactional
    public ProductView detachImage(Actor actor, ProductId id, UUID image) {
        return change(actor, id, details -> {
            if (!details.images().contains(image)) {
                throw DomainException.notFound();
            }
            return with(details, details.certifications(),
                    details.images().stream().filter(i -> !i.equals(image)).toList());
        });
    }

    /** Moves an image {@code offset} places towards the end (negative: towards the front; the first is the main image). */
    @Transactional
    public ProductView moveImage(Actor actor, ProductId id, UUID image, int offset) {
        return change(actor, id, details -> {
            List<UUID> images = new ArrayList<>(details.images());
            int from = images.indexOf(image);
            if (from < 0) {
                throw DomainException.notFound();
            }
            images.add(Math.clamp((long) from + offset, 0, images.size() - 1), images.remove(from));
            return with(details, details.certifications(), images);
        });
    }

    /**
     * Attaches one of the supplier's certificate files to the product's certification of that
     * kind, declaring the certification if it was not (except OTHER, which needs its name first).
     */
    @Transactional
    public ProductView attachCertificate(Actor actor, ProductId id, CertificationKind kind, UUID certificate) {
        return change(actor, id, details -> {
            List<ProductDetails.Certification> certifications = new ArrayList<>();
            boolean found = false;
            for (ProductDetails.Certification c : details.certifications()) {
                if (c.kind() == kind && !found) {
                    certifications.add(new ProductDetails.Certification(kind, c.name(), certificate));
                    found = true;
                } else {
                    certifications.add(c);
                }
            }
            if (!found && kind == CertificationKind.OTHER) {
                throw new DomainException(DomainException.Kind.CONFLICT, "error.product.certification-undeclared");
            }
            if (!found) {
                certifications.add(new ProductDetails.Certification(kind, null, certificate));
            }
            return with(details, certifications, details.images());
        });
    }

    @Transactional
    public ProductView detachCertificate(Actor actor, ProductId id, CertificationKind kind) {
        return change(actor, id, details -> {
            if (details.certifications().stream().noneMatch(c -> c.kind() == kind && c.certificate() != null)) {
                throw DomainException.notFound();
            }
            return with(details, details.certifications().stream()
                    .map(c -> c.kind() == kind ? new ProductDetails.Certification(kind, c.name(), null) : c)
                    .toList(), details.images());
        });
    }

    private ProductView change(Actor actor, ProductId id, UnaryOperator<ProductDetails> change) {
        require(actor);
        Product product = load(id);
        product.revise(checked(product.supplier(), change.apply(product.details())), clock.instant());
        products.flush();
        if (product.status() == ProductStatus.PUBLISHED) {
            listings.publish(publication(product));
        }
        return ProductView.of(product);
    }

    private static ProductDetails with(ProductDetails d, List<ProductDetails.Certification> certifications,
            List<UUID> images) {
        return new ProductDetails(d.hsCode(), d.defaultLocale(), d.texts(), d.specifications(), d.unit(),
                d.minimumOrderQuantity(), d.currency(), d.tiers(), d.leadTimeDays(), d.origin(), d.portOfLoading(),
                certifications, d.packaging(), images);
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

    /** The rules that need the reference data or the supplier's files, every violation named by its field. */
    ProductDetails checked(OrganizationId supplier, ProductDetails details) {
        return checked(supplier, details, lookups);
    }

    /** The same rules, with the lookups given (a bulk import remembers them: {@link #rememberingLookups()}). */
    ProductDetails checked(OrganizationId supplier, ProductDetails details, ReferenceLookups lookups) {
        var problems = new InvalidInput.Collector();
        checkMedia(supplier, details, problems);
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
        problems.throwIfAny();
        return new ProductDetails(hsCode.dotted(), details.defaultLocale(), details.texts(),
                details.specifications(), details.unit(), details.minimumOrderQuantity(), details.currency(),
                details.tiers(), details.leadTimeDays(), details.origin(),
                details.portOfLoading() == null ? null : UnLocode.of(details.portOfLoading()).value(),
                details.certifications(), details.packaging(), details.images());
    }

    /** Images and certificate files must be the supplier's own uploads of the right kind, each image once. */
    private void checkMedia(OrganizationId supplier, ProductDetails details, InvalidInput.Collector problems) {
        Set<UUID> images = media.images(supplier, details.images());
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < details.images().size(); i++) {
            UUID image = details.images().get(i);
            if (!images.contains(image)) {
                problems.add("images[" + i + "]", "error.product.image-unknown");
            } else if (!seen.add(image)) {
                problems.add("images[" + i + "]", "error.product.image-repeated");
            }
        }
        List<UUID> certificateIds = details.certifications().stream().map(ProductDetails.Certification::certificate)
                .filter(java.util.Objects::nonNull).toList();
        Set<UUID> certificates = media.certificates(supplier, certificateIds);
        for (int i = 0; i < details.certifications().size(); i++) {
            UUID certificate = details.certifications().get(i).certificate();
            if (certificate != null && !certificates.contains(certificate)) {
                problems.add("certifications[" + i + "].certificate", "error.product.certificate-unknown");
            }
        }
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
                details.certifications().stream()
                        .map(c -> new ListingView.Certification(c.kind(), c.name(), c.certificate())).toList(),
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
