package trade.caravan.catalog.shortlist;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import trade.caravan.accounts.Actor;
import trade.caravan.catalog.ProductId;
import trade.caravan.platform.CursorPage;

/** The caller's organization's shortlist over the API. */
@RestController
@RequestMapping("/api/v1/shortlist")
@Tag(name = "Shortlist", description = "Products the caller's organization keeps an eye on")
class ShortlistApi {

    private final Shortlist shortlist;

    ShortlistApi(Shortlist shortlist) {
        this.shortlist = shortlist;
    }

    record EntryResource(UUID productId, Instant addedAt, boolean available, @Nullable String title) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('organization:view')")
    @Operation(summary = "Shortlisted products, newest first; withdrawn ones say available=false")
    CursorPage<EntryResource> list(@RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit, java.util.Locale locale) {
        return shortlist.page(cursor, CursorPage.limit(limit)).map(e -> new EntryResource(e.product().value(),
                e.addedAt(), e.listing().isPresent(), e.listing().map(l -> l.text(locale).title()).orElse(null)));
    }

    @PutMapping("/{productId}")
    @PreAuthorize("hasAuthority('trade:act')")
    @Operation(summary = "Add a published product (adding twice is harmless)")
    ResponseEntity<Void> add(@AuthenticationPrincipal Actor actor, @PathVariable UUID productId) {
        shortlist.add(actor, new ProductId(productId));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{productId}")
    @PreAuthorize("hasAuthority('trade:act')")
    @Operation(summary = "Remove a product from the shortlist")
    ResponseEntity<Void> remove(@AuthenticationPrincipal Actor actor, @PathVariable UUID productId) {
        shortlist.remove(actor, new ProductId(productId));
        return ResponseEntity.noContent().build();
    }
}
