package trade.caravan.catalog.media;

/** What an uploaded file is for: a product photo (re-encoded, with a thumbnail) or a certificate (a PDF, kept as is). */
public enum MediaKind {
    PRODUCT_IMAGE, CERTIFICATE
}
