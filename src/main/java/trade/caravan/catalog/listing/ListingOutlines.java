package trade.caravan.catalog.listing;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.ProductOutline;
import trade.caravan.catalog.ProductOutlines;
import trade.caravan.catalog.pricing.PriceTiers;
import trade.caravan.reference.HsCode;
import trade.caravan.reference.UnLocode;

/** Outlines read from the public listing, so only what is published is ever copied into an RFQ. */
@Component
class ListingOutlines implements ProductOutlines {

    private final PublicCatalog catalog;

    ListingOutlines(PublicCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Optional<ProductOutline> published(ProductId id, Locale locale) {
        return catalog.find(id).map(listing -> outline(listing, locale));
    }

    private static ProductOutline outline(ListingView listing, Locale locale) {
        ListingView.Text text = listing.textFor(locale);
        PriceTiers.Tier first = listing.prices().tiers().getFirst();
        String port = listing.portOfLoading();
        return new ProductOutline(listing.id(), listing.supplier(), listing.supplierName(), HsCode.of(listing.hsCode()),
                text.locale(), text.title(), text.description() == null ? "" : text.description(),
                listing.specifications().stream()
                        .map(s -> new ProductOutline.Specification(s.name(), s.value())).toList(),
                listing.unit(), BigDecimal.valueOf(first.minQuantity()), listing.currency(), first.unitPriceMinor(),
                listing.origin(), port != null && UnLocode.isWellFormed(port) ? UnLocode.of(port) : null,
                listing.leadTimeDays(), listing.version());
    }
}
