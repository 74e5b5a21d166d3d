package trade.caravan.catalog.media;

/** An accepted image, re-encoded: the picture to keep and its thumbnail, both without any metadata. */
record PreparedImage(Encoded image, Encoded thumbnail) {

    /** Bytes of one encoded picture, their content type and size in pixels. */
    record Encoded(byte[] bytes, String contentType, int width, int height) {

        String extension() {
            return "image/png".equals(contentType) ? "png" : "jpg";
        }
    }
}
