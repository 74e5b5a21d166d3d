package trade.caravan.catalog;

/** A product's life: only PUBLISHED products have a public listing. */
public enum ProductStatus {
    DRAFT, PUBLISHED, ARCHIVED
}
