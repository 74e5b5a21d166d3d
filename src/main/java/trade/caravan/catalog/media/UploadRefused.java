package trade.caravan.catalog.media;

import org.springframework.http.HttpStatus;

import trade.caravan.catalog.FileRefused;

/**
 * An upload that is not taken: too large (413), not a supported format whatever its name or
 * declared type says (415), too many pixels or not decodable (422), empty (400). The media
 * controllers answer with {@link #status()}; anywhere else it is a plain refusal (400). Other
 * modules see it as the public {@link FileRefused}.
 */
class UploadRefused extends FileRefused {

    UploadRefused(HttpStatus status, String messageCode, Object... arguments) {
        super(status, messageCode, arguments);
    }

    static UploadRefused tooLarge(long limitBytes) {
        return new UploadRefused(HttpStatus.CONTENT_TOO_LARGE, "error.media.too-large", megabytes(limitBytes));
    }

    static UploadRefused unsupportedImage() {
        return new UploadRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.media.image-type");
    }

    static UploadRefused unsupportedDocument() {
        return new UploadRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.media.document-type");
    }

    static UploadRefused unsupportedAttachment() {
        return new UploadRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.media.attachment-type");
    }

    static UploadRefused tooManyPixels(long width, long height, long limit) {
        return new UploadRefused(HttpStatus.UNPROCESSABLE_CONTENT, "error.media.too-many-pixels", width, height,
                limit / 1_000_000);
    }

    static UploadRefused unreadable() {
        return new UploadRefused(HttpStatus.UNPROCESSABLE_CONTENT, "error.media.image-unreadable");
    }

    static UploadRefused empty() {
        return new UploadRefused(HttpStatus.BAD_REQUEST, "error.media.empty");
    }

    /** Megabytes as people count them on upload forms (10 MB = 10 x 1024 x 1024 bytes, as Spring's DataSize). */
    static String megabytes(long bytes) {
        long whole = bytes / (1024 * 1024);
        return whole * 1024 * 1024 == bytes ? Long.toString(whole) : String.format(java.util.Locale.ROOT, "%.1f",
                bytes / (1024.0 * 1024.0));
    }
}
