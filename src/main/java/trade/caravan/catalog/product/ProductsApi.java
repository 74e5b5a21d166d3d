package trade.caravan.catalog.product;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import trade.caravan.accounts.Actor;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.ProductStatus;
import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.platform.CursorPage;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;

/** The caller's own products over the API: a supplier's ERP keeps its catalog in step. */
@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Products", description = "The caller's own products (drafts, published, archived)")
class ProductsApi {

    private final ProductManagement products;

    ProductsApi(ProductManagement products) {
        this.products = products;
    }

    /** A product as sent and returned: prices in minor units of the currency (cents, fen). */
    record ProductBody(String hsCode, String defaultLocale, List<ProductDetails.Text> texts,
            @Nullable List<ProductDetails.Specification> specifications, @Nullable String unit,
            long minimumOrderQuantity, @Nullable String currency, List<ProductDetails.PriceTier> tiers,
            int leadTimeDays, @Nullable String origin, @Nullable String portOfLoading,
            @Nullable List<ProductDetails.Certification> certifications, ProductDetails.@Nullable Packaging packaging,
            @Nullable List<UUID> images) {

        ProductDetails toDetails() {
            return new ProductDetails(hsCode, defaultLocale, texts == null ? List.of() : texts,
                    specifications == null ? List.of() : specifications,
                    unit == null ? null : UnitOfMeasure.fromCode(unit).orElse(null), minimumOrderQuantity,
                    currency == null || !currency.matches("[A-Za-z]{3}") ? null : CurrencyCode.of(currency),
                    tiers == null ? List.of() : tiers, leadTimeDays,
                    origin == null || !origin.matches("[A-Za-z]{2}") ? null : CountryCode.of(origin), portOfLoading,
                    certifications == null ? List.of() : certifications, packaging,
                    images == null ? List.of() : images);
        }

        static ProductBody of(ProductDetails d) {
            return new ProductBody(d.hsCode(), d.defaultLocale(), d.texts(), d.specifications(), d.unit().code(),
                    d.minimumOrderQuantity(), d.currency().value(), d.tiers(), d.leadTimeDays(), d.origin().value(),
                    d.portOfLoading(), d.certifications(), d.packaging(), d.images());
        }
    }

    /** {@code sku}: the supplier's own reference, set by catalog imports (docs/catalog-import-format.md). */
    record ProductResource(UUID id, ProductStatus status, long version, ProductBody details,
            java.time.Instant createdAt, java.time.Instant updatedAt, java.time.@Nullable Instant publishedAt,
            @Nullable String sku) {

        static ProductResource of(ProductView view) {
            return new ProductResource(view.id().value(), view.status(), view.version(),
                    ProductBody.of(view.details()), view.createdAt(), view.updatedAt(), view.publishedAt(), view.sku());
        }
    }

    record Revision(long version, ProductBody details) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('organization:view')")
    @Operation(summary = "The caller's products, most recently changed first")
    CursorPage<ProductResource> list(@RequestParam(required = false) @Nullable ProductStatus status,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return products.page(status, cursor, CursorPage.limit(limit)).map(ProductResource::of);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('organization:view')")
    @Operation(summary = "One of the caller's products")
    ProductResource get(@PathVariable UUID id) {
        return ProductResource.of(products.find(new ProductId(id)));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('trade:act')")
    @Operation(summary = "Create a draft product", description = "Supports Idempotency-Key. Every invalid field is listed.")
    ResponseEntity<ProductResource> create(@AuthenticationPrincipal Actor actor, @RequestBody ProductBody body) {
        ProductView created = products.create(actor, body.toDetails());
        return ResponseEntity.created(URI.create("/api/v1/products/" + created.id())).body(ProductResource.of(created));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('trade:act')")
    @Operation(summary = "Revise a product", description = "Send the version you read; a newer one answers 409. "
            + "A published product's listing changes at once.")
    ProductResource revise(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody Revision revision) {
        return ProductResource.of(products.revise(actor, new ProductId(id), revision.details().toDetails(),
                revision.version()));
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize("hasAuthority('trade:act')")
    @Operation(summary = "Publish: the product gets a public listing")
    ProductResource publish(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return ProductResource.of(products.publish(actor, new ProductId(id)));
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasAuthority('trade:act')")
    @Operation(summary = "Take offline: back to draft, the listing disappears")
    ProductResource withdraw(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return ProductResource.of(products.withdraw(actor, new ProductId(id)));
    }

    @PostMapping("/{id}/archive")
    @PreAuthorize("hasAuthority('trade:act')")
    @Operation(summary = "Archive: kept for the record, never listed")
    ProductResource archive(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return ProductResource.of(products.archive(actor, new ProductId(id)));
    }
}
