package trade.caravan.catalog.listing;

import java.util.Arrays;
import java.util.Optional;

/** How results are ordered; every order ends with the listing id, so it is total and paging is stable. */
public enum SearchSort {
    /** Best match first (the default with a query). */
    RELEVANCE("relevance"),
    /** Most recently published first (the default without a query). */
    NEWEST("newest"),
    /** Lowest price first, by the euro equivalent; listings without one last. */
    PRICE_ASC("price-asc"),
    /** Highest price first, by the euro equivalent; listings without one last. */
    PRICE_DESC("price-desc"),
    /** Smallest minimum order quantity first. */
    MOQ_ASC("moq-asc");

    private final String parameter;

    SearchSort(String parameter) {
        this.parameter = parameter;
    }

    /** The value of the {@code sort} request parameter. */
    public String parameter() {
        return parameter;
    }

    public static Optional<SearchSort> fromParameter(String parameter) {
        return Arrays.stream(values()).filter(sort -> sort.parameter.equals(parameter)).findFirst();
    }
}
