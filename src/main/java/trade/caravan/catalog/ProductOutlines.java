package trade.caravan.catalog;

import java.util.Locale;
import java.util.Optional;

/** Published products as a request for quotation started from a product page copies them. */
public interface ProductOutlines {

    /**
     * The product's public listing in the reader's language (the exact language tag, else the same
     * language, else the listing's default one, as on the product page); empty for a product that
     * does not exist or is not published.
     */
    Optional<ProductOutline> published(ProductId id, Locale locale);
}
