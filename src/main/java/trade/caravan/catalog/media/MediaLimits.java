package trade.caravan.catalog.media;

import trade.caravan.catalog.product.ProductDetails;

/** The upload limits as the product page states them (and its script checks them before sending). */
record MediaLimits(long maxImageBytes, String maxImageMegabytes, long maxImageMegapixels, long maxDocumentBytes,
        String maxDocumentMegabytes, int maxImages) {

    static MediaLimits of(MediaSettings settings) {
        return new MediaLimits(settings.maxImageBytes().toBytes(),
                UploadRefused.megabytes(settings.maxImageBytes().toBytes()), settings.maxImagePixels() / 1_000_000,
                settings.maxDocumentBytes().toBytes(), UploadRefused.megabytes(settings.maxDocumentBytes().toBytes()),
                ProductDetails.MAX_IMAGES);
    }
}
