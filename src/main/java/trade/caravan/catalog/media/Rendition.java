package trade.caravan.catalog.media;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One servable form of a file (the file itself or an image's thumbnail) and whether the public
 * may read it. The content type is the one recorded at upload, never the request's.
 */
record Rendition(UUID id, MediaStore.Variant variant, MediaKind kind, @Nullable String contentType,
        @Nullable String sha256, String fileName, boolean publicly) {

    String extension() {
        return switch (contentType == null ? "" : contentType) {
            case "image/png" -> "png";
            case "application/pdf" -> "pdf";
            default -> "jpg";
        };
    }

    /** The name offered to the browser: the uploader's (sanitized), the stored format's extension. */
    String downloadName() {
        String base = SafeFileName.base(fileName);
        return SafeFileName.named(variant == MediaStore.Variant.THUMBNAIL ? base + "-thumbnail" : base, extension());
    }
}
